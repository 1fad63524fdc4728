package com.eceops.runbook;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.eceops.runbook.technology.windows.RemoteSelfTest;

/** The ECE HA runbook: the Camunda engine, its web applications and the procedure's processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RunbookApplication {

    public static void main(String[] args) {
        if (RemoteSelfTest.requested(args)) {
            // Diagnostic mode (docs/remote-execution.md): one command over SSH, no engine, no web server.
            System.exit(RemoteSelfTest.run(args, System.getenv("RUNBOOK_SELFTEST_PASSWORD"), System.out));
        }
        SpringApplication application = new SpringApplication(RunbookApplication.class);
        boolean plan = Arrays.stream(args).anyMatch(a -> a.startsWith("--plan"));
        if (plan || Arrays.stream(args).anyMatch(a -> a.startsWith("--rehearse"))) {
            // A headless rehearsal must not collide with a running server's port or database file.
            defaultTo(args, "server.port", "RUNBOOK_PORT", "0");
            if (plan && !given(args, "runbook.data-dir", "RUNBOOK_DATA_DIR")) {
                // The plan is for the change board: next to the server's plans, not inside the headless database.
                defaultTo(args, "runbook.plans-dir", "RUNBOOK_PLANS_DIR", "./data/plans");
            }
            defaultTo(args, "runbook.data-dir", "RUNBOOK_DATA_DIR", "./data/headless");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--resume"))) {
            // Continuing a run: the database it is in (the server's by default, which must be stopped), no web port.
            defaultTo(args, "server.port", "RUNBOOK_PORT", "0");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }

    private static void defaultTo(String[] args, String property, String environment, String value) {
        if (!given(args, property, environment)) {
            System.setProperty(property, value);
        }
    }

    private static boolean given(String[] args, String property, String environment) {
        return System.getenv(environment) != null || System.getProperty(property) != null
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--" + property + "="));
    }
}
