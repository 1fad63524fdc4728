package com.eceops.runbook.finalnotes;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-3 (item {@code mail}) and final-4 (item {@code sso}), after the operator's task. Which certificates are
 * in the keystore only keytool with the keystore's password could say, so the machine checks what it cheaply
 * can: that the shared keystore file is there. "Not applicable" needs a reason and an inventory that says the
 * item does not apply to this estate (no private-CA mail servers, no SSO).
 */
@Component("checkKeystoreCertificatesDelegate")
class CheckKeystoreCertificatesDelegate extends RunbookStep {

    static final String MAIL = "mail";
    static final String SSO = "sso";

    CheckKeystoreCertificatesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        String item = String.valueOf(execution.getVariable(FinalNotesVariables.KEYSTORE_ITEM));
        Ece ece = run.estate().ece();
        boolean applies = switch (item) {
            case MAIL -> ece.privateCaMailServers();
            case SSO -> ece.singleSignOn();
            default -> throw new IllegalStateException("unknown keystore item " + item);
        };
        String what = MAIL.equals(item) ? "the mail servers' CA certificates" : "the Cisco IDS certificates";
        Object choice = execution.getVariable(FinalNotesVariables.choice(item));
        Object reason = execution.getVariable(FinalNotesVariables.reason(item));
        String keystore = SharedKeystore.file(run.estate());
        String host = SharedKeystore.host(run.estate());
        List<String> problems = new ArrayList<>();
        String passed;
        if (FinalNotesVariables.NOT_APPLICABLE.equals(choice)) {
            if (applies) {
                problems.add("the inventory says this estate uses " + (MAIL.equals(item)
                        ? "secure mail servers signed by a private CA (ece.privateCaMailServers)" : "SSO (ece.singleSignOn)")
                        + ", so " + what + " must be imported");
            }
            if (reason == null || reason.toString().isBlank()) {
                problems.add("give the reason why " + what + " are not needed");
            }
            passed = what + " are not needed: " + reason;
        } else if (FinalNotesVariables.IMPORTED.equals(choice)) {
            if (!run.windows().fileExists(host, keystore)) {
                problems.add("there is no keystore " + keystore + " on " + host + "; import into the keystore of the Shared Directory's \\env\\jdk");
            }
            passed = what + " imported; the keystore " + keystore + " is there";
        } else {
            problems.add("choose whether " + what + " were imported or are not needed");
            passed = null;
        }
        CheckOutcome.of(execution, FinalNotesVariables.verified(item), FinalNotesVariables.report(item), problems, passed);
    }
}
