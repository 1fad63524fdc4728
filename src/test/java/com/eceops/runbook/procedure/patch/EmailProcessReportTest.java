package com.eceops.runbook.procedure.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.eceops.runbook.technology.ece.EmailProcess;

/** What the email process checks report, including when nothing could be read (a real server). */
class EmailProcessReportTest {

    @Test
    void processesThatCannotBeReadLeaveTheOperatorsConfirmationStandingAndSaySo() {
        assertThat(ValidationDelegates.reportText(List.of(), List.of(), "Manual and Stopped"))
                .contains("cannot be read", "confirmation", "Manual and Stopped").doesNotContain("every email process");
    }

    @Test
    void readProcessesAreReportedAsBefore() {
        List<EmailProcess> processes = List.of(new EmailProcess("system", "Dispatcher", "Dispatcher", "Manual", "Stopped"));
        assertThat(ValidationDelegates.reportText(processes, List.of(), "Manual and Stopped"))
                .isEqualTo("every email process is Manual and Stopped");
        assertThat(ValidationDelegates.reportText(processes, List.of("system Dispatcher is Automatic and Running"), "Manual and Stopped"))
                .isEqualTo("not Manual and Stopped: system Dispatcher is Automatic and Running");
    }
}
