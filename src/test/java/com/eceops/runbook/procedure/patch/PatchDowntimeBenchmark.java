package com.eceops.runbook.procedure.patch;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;

/**
 * Not a test (its name keeps it out of the suite; bench/patch-downtime.sh runs it): prints the downtime of a
 * patch rehearsal, from the Cisco service's stop to the validated start, with the document's durations on the
 * lab's virtual clock (Camunda's clock follows it), against the sum of the steps' own durations; then the wall
 * time of the same patch with zero durations. People answer at once, so the downtime is the machine's part.
 * Asserts nothing: the figures depend on the machine.
 */
class PatchDowntimeBenchmark extends SectionProcessTest {

    /** The lab's figures for the document's steps: stop 4 min (5-10), start 14 and 6 min (up to 15), installer 10 min. */
    private static final String DOCUMENT_DURATIONS = "durationScale: 0\nclockSpeed: %s\n"
            + "durations: { ciscoStop: PT4M, ciscoStartMain: PT14M, ciscoStartOther: PT6M, patchInstall: PT10M }\n";
    private static final Duration OWN_DURATIONS = Duration.ofMinutes(4 + 4 * 10 + 14);

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void printDowntime() throws Exception {
        double speed = Double.parseDouble(System.getProperty("bench.clockSpeed", "600"));
        String key = SAMPLE + ".rehearsal.20261128-220000-" + System.nanoTime() % 100000;
        EarlierSteps lab = PatchFixture.installed(new EarlierSteps(key, null, labs.open(key,
                estates.load(SAMPLE), LabScenario.fromYaml(DOCUMENT_DURATIONS.formatted(speed)))));
        RehearsalLab rehearsal = lab.lab();
        Instant settled = rehearsal.clock().now().plus(Duration.ofMinutes(15));
        while (rehearsal.clock().now().isBefore(settled)) {
            Thread.sleep(20); // the Cisco service of the fixture reaches its processes before the window opens
        }
        ClockUtil.setCurrentTime(Date.from(rehearsal.clock().now()));
        long wallStart = System.nanoTime();
        ProcessInstance run = start(lab, rehearsal.clock().now().plus(Duration.ofHours(4)));
        runFollowingTheLab(lab, rehearsal);
        long wall = System.nanoTime() - wallStart;

        Instant stop = first(run, "CallActivity_StopEce").getStartTime().toInstant();
        Instant validated = first(run, "Task_CheckLoginPages").getEndTime().toInstant();
        Duration downtime = Duration.between(stop, validated);
        System.out.printf("%npatch downtime benchmark (clock speed %.0fx, poll interval 30 s)%n", speed);
        System.out.printf("  simulated downtime, service stop to validated start: %s%n", minutes(downtime));
        System.out.printf("  sum of the steps' own durations (stop 4, 4 installs of 10, start 14 min): %s%n", minutes(OWN_DURATIONS));
        System.out.printf("  overhead of checks, polls and hand-overs: %s%n", minutes(downtime.minus(OWN_DURATIONS)));
        System.out.printf("  wall time of that rehearsal: %.1f s%n", wall / 1e9);

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T21:00:00Z")));
        EarlierSteps instant = PatchFixture.installed(prepare(null));
        long zeroStart = System.nanoTime();
        ProcessInstance zero = start(instant, Date.from(Instant.parse("2026-11-29T01:00:00Z")).toInstant());
        answerAll(instant, () -> PatchFixture.settle(engine, instant.key()));
        long zeroWall = System.nanoTime() - zeroStart;
        System.out.printf("  wall time with zero durations: %.2f s (%d activities, ended: %s)%n%n", zeroWall / 1e9,
                history.createHistoricActivityInstanceQuery().processInstanceId(zero.getId()).count(),
                runtime.createProcessInstanceQuery().processInstanceId(zero.getId()).count() == 0);
    }

    private ProcessInstance start(EarlierSteps lab, Instant closes) {
        Map<String, Object> vars = PatchFixture.window(Date.from(closes), "setup.bat -silent");
        ProcessInstance run = start("PatchEce", lab, vars);
        runtime.setVariable(run.getId(), "pollInterval", "PT30S");
        runtime.setVariable(run.getId(), "maxPolls", 1000);
        return run;
    }

    /** Runs due jobs; when none is due, lets the lab's virtual time pass and moves Camunda's clock with it. */
    private void runFollowingTheLab(EarlierSteps lab, RehearsalLab rehearsal) throws InterruptedException {
        answerAll(lab, () -> {
            for (int round = 0; round < 100_000; round++) {
                List<Job> jobs = runtime.createProcessInstanceQuery().processInstanceBusinessKey(lab.key()).list().stream()
                        .flatMap(i -> engine.getManagementService().createJobQuery().processInstanceId(i.getId())
                                .withRetriesLeft().list().stream()).toList();
                Date now = ClockUtil.getCurrentTime();
                Optional<Job> due = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).findFirst();
                if (due.isPresent()) {
                    engine.getManagementService().executeJob(due.get().getId());
                    continue;
                }
                Optional<Date> next = jobs.stream().map(Job::getDuedate).filter(d -> d.getTime() - now.getTime() < 3_600_000)
                        .min(Date::compareTo);
                if (next.isEmpty()) {
                    return;
                }
                while (rehearsal.clock().now().isBefore(next.get().toInstant())) {
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                ClockUtil.setCurrentTime(Date.from(rehearsal.clock().now()));
            }
        });
    }

    /** Answers every task of the patch as soon as it appears, as the answers file does, until the run ends. */
    private void answerAll(EarlierSteps lab, Runnable settle) {
        Map<String, Map<String, Object>> answers = Map.of(
                "Task_StopEmailProcesses", Map.of("emailProcessesStoppedByOperator", true),
                "Task_MergeKeyFiles", Map.of("keyFilesMergedByOperator", true),
                "Task_MergeChatTemplates", Map.of("chatTemplatesMerged", true),
                "Task_TestFinesseGadget", Map.of("gadgetLoginWorked", true),
                "Task_StartEmailProcesses", Map.of("emailProcessesStartedByOperator", true),
                "Task_InstallPatchByHand", Map.of("patchInstalledByOperator", true));
        settle.run();
        for (int round = 0; round < 50; round++) {
            List<Task> open = driver.tasks(lab.key());
            if (open.isEmpty()) {
                return;
            }
            for (Task task : open) {
                driver.complete(task, answers.getOrDefault(task.getTaskDefinitionKey(), Map.of()));
            }
            settle.run();
        }
    }

    /** The first time the run or a process it called (StopEce, ValidateEce, ...) passed an activity. */
    private HistoricActivityInstance first(ProcessInstance run, String activity) {
        List<String> instances = new java.util.ArrayList<>(List.of(run.getId()));
        history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId()).list().forEach(i -> instances.add(i.getId()));
        return instances.stream().flatMap(id -> history.createHistoricActivityInstanceQuery().processInstanceId(id)
                .activityId(activity).list().stream()).min(java.util.Comparator.comparing(HistoricActivityInstance::getStartTime))
                .orElseThrow();
    }

    private static String minutes(Duration d) {
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
