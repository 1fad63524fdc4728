package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A rehearsal survives the application being killed in the middle: the next start finishes it. */
class RestartIT {

    @Test
    void aRehearsalInterruptedByAKilledApplicationFinishesAfterTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("runbook-restart");
        Map<String, String> env = new HashMap<>(RunbookJar.baseEnvironment(data, RunbookJar.freePort()));
        // A job locked by the killed node stays locked until its lock expires: keep that short for the test.
        env.put("CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS", "5000");

        String runId;
        String businessKey;
        try (RunbookJar first = RunbookJar.start(env)) {
            first.awaitHealthy(Duration.ofMinutes(2));
            var started = first.postJson("/engine-rest/process-definition/key/Preinstallation/start",
                    "{\"variables\":{\"estate\":{\"value\":\"massivedynamic\"},\"runMode\":{\"value\":\"rehearsal\"},"
                            + "\"labScenario\":{\"value\":\"slow-clock\"}}}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            runId = field(started.body(), "id");
            businessKey = field(started.body(), "businessKey");
            awaitActive(first, businessKey, "AddWindowsFeatures", Duration.ofMinutes(1));
            first.kill();
        }
        assertThat(Files.exists(data.resolve("labs").resolve(businessKey + ".json"))).isTrue();

        try (RunbookJar second = RunbookJar.start(env)) {
            second.awaitHealthy(Duration.ofMinutes(2));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            String state = "";
            while (Instant.now().isBefore(deadline) && !state.contains("\"state\":\"COMPLETED\"")) {
                Thread.sleep(500);
                second.answerOpenTasks(businessKey);
                state = second.get("/engine-rest/history/process-instance/" + runId).body();
            }
            assertThat(state).as(second.consoleText()).contains("\"state\":\"COMPLETED\"");
            String features = second.get("/engine-rest/history/activity-instance?processDefinitionKey=AddWindowsFeatures"
                    + "&activityId=Task_VerifyFeaturesInstalled&finished=true").body();
            assertThat(features.split("Task_VerifyFeaturesInstalled", -1)).hasSize(3);
        }
    }

    private static void awaitActive(RunbookJar jar, String businessKey, String processKey, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            String body = jar.get("/engine-rest/process-instance?businessKey=" + businessKey
                    + "&processDefinitionKey=" + processKey).body();
            if (body.contains("\"id\"")) {
                return;
            }
            jar.answerOpenTasks(businessKey);
            Thread.sleep(200);
        }
        throw new AssertionError(processKey + " never started:\n" + jar.consoleText());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
