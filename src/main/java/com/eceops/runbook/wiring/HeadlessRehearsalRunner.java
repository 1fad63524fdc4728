package com.eceops.runbook.wiring;

import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;

import com.eceops.runbook.run.RunMode;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ece-ha-runbook.jar --rehearse=<estate> [--answers=file] [--scenario=name] [--process=key, default InstallEceHa]
 * [--timeout=PT30M]}: one headless rehearsal, then the application exits with its code.
 * {@code --plan=<estate>} with the same options walks the procedure the same way and writes its plan to
 * {@code <data>/plans/} instead (the persons are taken to do what the answers file says, the lab needs no waits).
 * {@code --resume=<run key> [--answers=file]} continues a run already in the database instead.
 */
@Component
@ConditionalOnExpression("'${rehearse:}' != '' or '${plan:}' != '' or '${resume:}' != ''")
class HeadlessRehearsalRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ProcessEngine engine;
    private int exitCode = HeadlessRehearsal.FINISHED;

    HeadlessRehearsalRunner(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        String planned = single(args, "plan", null);
        RunMode mode = planned != null ? RunMode.PLAN : RunMode.REHEARSAL;
        String estate = planned != null ? planned : single(args, "rehearse", null);
        String answers = single(args, "answers", null);
        String process = single(args, "process", "InstallEceHa");
        Duration timeout = Duration.parse(single(args, "timeout", "PT60M"));
        // Runners run before the application is "ready", which is when the starter starts the job executor.
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (!jobExecutor.isActive()) {
            jobExecutor.start();
        }
        HeadlessRehearsal rehearsal = new HeadlessRehearsal(engine, System.out);
        Path answersFile = answers == null ? null : Path.of(answers);
        String resume = single(args, "resume", null);
        exitCode = resume != null ? rehearsal.resume(resume, answersFile, timeout)
                : rehearsal.run(mode, process, estate, answersFile, single(args, "scenario", null), timeout);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static String single(ApplicationArguments args, String name, String fallback) {
        var values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
