package com.eceops.runbook.procedure.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EmailProcess;
import com.eceops.runbook.technology.ece.LoginPage;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/** The machine's side of patch-1.2, 4.4 and 4.6: look where a machine can see (StartEce starts the services, patch-4.3). */
final class ValidationDelegates {

    private ValidationDelegates() {
    }

    /**
     * patch-4.4: the business and system partitions through the ECE URL must answer 200 with ECE's login page. A
     * service-down page, an error status or any other content is a failure whose report the decision shows.
     */
    @Component("checkLoginPagesDelegate")
    static class CheckLoginPagesDelegate extends RunbookStep {
        CheckLoginPagesDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            List<String> report = new ArrayList<>();
            boolean ok = true;
            for (String partition : List.of(run.estate().ece().partition(), "system")) {
                LoginPage page = run.ece().readLoginPage(partition);
                String problem = problem(page);
                ok &= problem == null;
                report.add(page.url() + ": " + (problem == null ? "login page" : problem));
            }
            PatchValidationVariables.LOGIN_PAGES_OK.set(execution, ok);
            PatchValidationVariables.LOGIN_PAGES_REPORT.set(execution, String.join("\n", report));
        }

        static String problem(LoginPage page) {
            String content = page.content() == null ? "" : page.content().toLowerCase(Locale.ROOT);
            if (content.contains("service unavailable") || content.contains("service is down")) {
                return "service-down page (HTTP " + page.status() + ")";
            }
            if (page.status() != 200) {
                return "HTTP " + page.status();
            }
            if (!content.contains("enterprise chat and email") || !content.contains("login")) {
                return "HTTP 200 but not ECE's login page";
            }
            return null;
        }
    }

    /** patch-1.2 after the operator's task: the system partition's Dispatcher and Retriever are Manual and Stopped. */
    @Component("checkEmailProcessesStoppedDelegate")
    static class CheckEmailProcessesStoppedDelegate extends RunbookStep {
        CheckEmailProcessesStoppedDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            report(execution, run.ece().readEmailProcesses().stream().filter(p -> "system".equals(p.scope())).toList(),
                    EmailProcess::stoppedAndManual, "Manual and Stopped");
        }
    }

    /** patch-4.6 after the operator's task: every email process and partition instance is Automatic and Running. */
    @Component("checkEmailProcessesRunningDelegate")
    static class CheckEmailProcessesRunningDelegate extends RunbookStep {
        CheckEmailProcessesRunningDelegate(RunOperations runs) {
            super(runs);
        }

        @Override
        protected void perform(DelegateExecution execution, RunContext run) {
            report(execution, run.ece().readEmailProcesses(), EmailProcess::runningAndAutomatic, "Automatic and Running");
        }
    }

    static void report(DelegateExecution execution, List<EmailProcess> processes, Predicate<EmailProcess> wanted,
            String what) {
        List<String> wrong = processes.stream().filter(wanted.negate())
                .map(p -> p.scope() + " " + p.name() + " is " + p.startType() + " and " + p.state()).toList();
        PatchValidationVariables.EMAIL_PROCESSES_OK.set(execution, wrong.isEmpty());
        PatchValidationVariables.EMAIL_PROCESSES_REPORT.set(execution, reportText(processes, wrong, what));
    }

    /**
     * No process at all means they could not be read (a real server: ECE shows them in its console only); the
     * operator's confirmation then stands, and the report says so instead of claiming a state nobody saw.
     */
    static String reportText(List<EmailProcess> processes, List<String> wrong, String what) {
        if (processes.isEmpty()) {
            return "the email processes cannot be read from outside ECE's console; the operator's confirmation that"
                    + " they are " + what + " stands";
        }
        return wrong.isEmpty() ? "every email process is " + what : "not " + what + ": " + String.join("; ", wrong);
    }
}
