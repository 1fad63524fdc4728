package com.eceops.runbook.procedure.finalnotes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * final-3 (item {@code mail}) and final-4 (item {@code sso}), after the operator's task. "Imported" is checked in
 * the keystore itself: its bytes are read from the Shared Directory through the Windows operations and loaded
 * here ({@link KeystoreCertificates}, no password needed), and every certificate the person names by SHA-256
 * fingerprint or subject must be in it. "Not applicable" needs a reason and an inventory that says the item does
 * not apply to this estate (no private-CA mail servers, no SSO).
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
        String item = FinalNotesVariables.KEYSTORE_ITEM.in(execution);
        Ece ece = run.estate().ece();
        boolean applies = switch (item) {
            case MAIL -> ece.privateCaMailServers();
            case SSO -> ece.singleSignOn();
            default -> throw new IllegalStateException("unknown keystore item " + item);
        };
        String what = MAIL.equals(item) ? "the mail servers' CA certificates" : "the Cisco IDS certificates";
        FinalNotesVariables.KeystoreItem variables = FinalNotesVariables.keystoreItem(item);
        String choice = variables.choice().from(execution).orElse(null);
        String reason = variables.reason().from(execution).orElse(null);
        List<String> problems = new ArrayList<>();
        String passed;
        if (FinalNotesVariables.NOT_APPLICABLE.equals(choice)) {
            if (applies) {
                problems.add("the inventory says this estate uses " + (MAIL.equals(item)
                        ? "secure mail servers signed by a private CA (ece.privateCaMailServers)" : "SSO (ece.singleSignOn)")
                        + ", so " + what + " must be imported");
            }
            if (reason == null || reason.isBlank()) {
                problems.add("give the reason why " + what + " are not needed");
            }
            passed = what + " are not needed: " + reason;
        } else if (FinalNotesVariables.IMPORTED.equals(choice)) {
            passed = checkImported(execution, run, variables, what, problems);
        } else {
            problems.add("choose whether " + what + " were imported or are not needed");
            passed = null;
        }
        CheckOutcome.of(execution, variables.verified(), variables.report(), problems, passed);
    }

    private static String checkImported(DelegateExecution execution, RunContext run, FinalNotesVariables.KeystoreItem item,
            String what, List<String> problems) {
        String keystore = SharedKeystore.file(run.estate());
        String host = SharedKeystore.host(run.estate());
        List<String> names = item.identities().from(execution).stream()
                .flatMap(String::lines).map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (names.isEmpty()) {
            problems.add("give the SHA-256 fingerprint or the subject of each certificate imported, one a line");
            return null;
        }
        Optional<byte[]> bytes = run.windows().readFileBytes(host, keystore);
        if (bytes.isEmpty()) {
            problems.add("there is no keystore " + keystore + " on " + host + "; import into the keystore of the Shared Directory's \\env\\jdk");
            return null;
        }
        KeystoreCertificates contents;
        try {
            contents = KeystoreCertificates.read(bytes.get());
        } catch (IOException e) {
            problems.add("the keystore " + keystore + " on " + host + " could not be read: " + e.getMessage());
            return null;
        }
        List<String> found = new ArrayList<>();
        for (String name : names) {
            contents.find(name).ifPresentOrElse(entry -> found.add(entry.alias() + " (" + entry.subject() + ")"),
                    () -> problems.add("no certificate " + name + " in " + keystore + " on " + host
                            + " (" + contents.entries().size() + " certificates there)"));
        }
        return what + " are in " + keystore + ": " + String.join(", ", found);
    }
}
