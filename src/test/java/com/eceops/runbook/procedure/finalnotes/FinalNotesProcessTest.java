package com.eceops.runbook.procedure.finalnotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

import com.eceops.runbook.procedure.postinstall.CiscoServiceWait;
import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.SectionProcessTest;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.LabCertificate;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.LedgerEntry;
import com.eceops.runbook.lab.RehearsalLab;

/**
 * The final notes in rehearsal on a lab where ECE runs on both sides: each item's task comes back with the reason
 * while its check fails, and passes once the person has done it (answers from the sample's answers file); the PCCE
 * item is skipped for an estate without PCCE. A rerun on the finished lab changes nothing.
 */
class FinalNotesProcessTest extends SectionProcessTest {

    private static final String ECE = "ece.massivedynamic.com";
    private static final String NO_PCCE = "massivedynamic-nopcce";
    private static final String WEB_A = "CC2K125ECEWA";
    private static final String WEB_B = "CC2K125ECEWB";
    private static final String COOKIE = "BIGipServerECE_pool";
    private static final String KEYSTORE = "E:\\ECEFile\\env\\jdk\\lib\\security\\cacerts";

    @Autowired
    EstateProperties estateFolder;

    @SuppressWarnings("unchecked")
    private static final Map<String, Map<String, Object>> ANSWERS = readAnswers();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> readAnswers() {
        try {
            return new Yaml().load(Files.readString(Path.of("rehearsals/massivedynamic-answers.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> answer(String taskKey) {
        assertThat(ANSWERS).containsKey(taskKey);
        return ANSWERS.get(taskKey);
    }

    /** ECE set up on every server, the Cisco service stopped as post-2 leaves it. */
    private static void eceInstalled(RehearsalLab lab) {
        Estate estate = lab.estate();
        for (Server collocated : estate.collocatedServers()) {
            lab.ece().recordSetupRun(collocated.name(), new SetupRun(Set.of(EceComponent.MESSAGING_SERVER,
                    EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER), Map.of(SetupRun.ECE_HOME, estate.paths().eceHome())));
        }
        for (Server web : estate.webServers()) {
            lab.ece().recordSetupRun(web.name(), new SetupRun(Set.of(EceComponent.WEB_SERVER),
                    Map.of(SetupRun.ECE_HOME, estate.paths().webEceHome())));
        }
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    /** Completes the only task, which must be {@code taskKey}, with {@code given}; its check must send it back. */
    private Task handedBack(EarlierSteps lab, String taskKey, Map<String, Object> given, String report, String... reasons) {
        Task task = onlyTask(lab.key());
        assertThat(task).hasDefinitionKey(taskKey).hasCandidateGroup("operators");
        driver.complete(task, given);
        driver.runUntilIdle(lab.key());
        Task back = onlyTask(lab.key());
        assertThat(back).hasDefinitionKey(taskKey);
        assertThat(back.getId()).isNotEqualTo(task.getId());
        assertThat(variable(back, report).toString()).contains(reasons);
        return back;
    }

    private void answered(EarlierSteps lab, Task task) {
        driver.complete(task, answer(task.getTaskDefinitionKey()));
        driver.runUntilIdle(lab.key());
    }

    @Test
    void eachItemComesBackWithItsReasonUntilDoneAndTheChecksThenPass() {
        EarlierSteps lab = prepare(null).directories();
        eceInstalled(lab.lab());
        ProcessInstance run = start("FinalNotes", lab, Map.of());
        driver.runUntilIdle(lab.key());

        Task certificate = onlyTask(lab.key());
        assertThat(variable(certificate, "eceUrl")).isEqualTo("https://" + ECE);
        assertThat(variable(certificate, "partitionLoginUrl")).isEqualTo("https://" + ECE + "/default");
        assertThat(variable(certificate, "sharedKeystoreDirectory")).isEqualTo("E:\\ECEFile\\env\\jdk");
        assertThat(variable(certificate, "spogConfigPath")).isEqualTo("C:\\ECE\\eService\\templates\\finesse\\gadget\\spog\\spog_config.js");
        assertThat(variable(certificate, "pcce")).isEqualTo(true);
        assertThat(variable(certificate, "adminWorkstations")).isEqualTo("CC2K125AWA, CC2K125AWB");
        assertThat(variable(certificate, "inventoryPersistenceCookie")).isNull();
        certificate = handedBack(lab, "Task_BindEceCertificate", Map.of(), "certificateCheckReport",
                WEB_A + " (14.10.162.169) gave no certificate", WEB_B + " (14.10.172.169) gave no certificate", "no certificate is bound");

        // Bound on one web server only: the other is still named, the one done is not.
        var now = lab.lab().clock().now();
        lab.lab().finalNotesPersons().bindCertificate(WEB_A, new LabCertificate(ECE, List.of(ECE), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)), "CN=MASSIVE Issuing CA", true));
        Task half = handedBack(lab, "Task_BindEceCertificate", Map.of("certificateBound", false), "certificateCheckReport", WEB_B);
        assertThat(variable(half, "certificateCheckReport").toString()).doesNotContain(WEB_A);
        answered(lab, half);

        Task url = onlyTask(lab.key());
        assertThat(variable(url, "certificateCheckReport").toString()).contains("Every web server serves a trusted certificate for " + ECE);
        // WEB_A got the test's certificate, WEB_B the rehearsal's: two certificates, both thumbprints for final-6.
        assertThat(variable(url, "eceCertificateThumbprint").toString().split(", ")).hasSize(2)
                .allSatisfy(thumbprint -> assertThat(thumbprint).matches("[0-9A-F]{64}"));
        assertThat(variable(url, "loginPageShown")).isEqualTo(true);
        assertThat(variable(url, "loginPageReport").toString()).contains("on every web server");
        for (Server collocated : lab.lab().estate().collocatedServers()) {
            assertThat(lab.lab().windows().readService(collocated.name(), "Cisco").status())
                    .isEqualTo(com.eceops.runbook.technology.windows.ServiceStatus.Status.RUNNING);
        }
        assertThat(variable(url, "certificateWarning")).isNull();
        // Everything so far was checked on the web servers themselves: the ECE FQDN has not answered yet.
        assertThatThrownBy(() -> lab.lab().web().get("https://" + ECE + "/default", Map.of()))
                .hasMessageContaining("answers nothing until the load balancer is configured");
        answered(lab, handedBack(lab, "Task_SetPartitionUrl", Map.of("partitionUrl", ECE), "partitionUrlCheckReport",
                "has no protocol"));

        answered(lab, handedBack(lab, "Task_ImportMailServerCertificates", Map.of("mailCertificates", "notApplicable"),
                "mailCertificatesCheckReport", "give the reason"));

        handedBack(lab, "Task_ImportSsoCertificates", Map.of("ssoCertificates", "notApplicable",
                "ssoCertificatesReason", "we do not use SSO"), "ssoCertificatesCheckReport", "the inventory says this estate uses SSO");
        assertThat(lab.lab().windows().fileExists(lab.sideA(), KEYSTORE)).isFalse();
        handedBack(lab, "Task_ImportSsoCertificates", Map.of("ssoCertificates", "imported"), "ssoCertificatesCheckReport",
                "give the SHA-256 fingerprint or the subject");
        Task sso = handedBack(lab, "Task_ImportSsoCertificates", Map.of("ssoCertificates", "imported",
                "ssoCertificatesIdentity", "CN=Some Other IDS"), "ssoCertificatesCheckReport",
                "no certificate CN=Some Other IDS in " + KEYSTORE, "1 certificates there");
        answered(lab, sso);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("ssoCertificatesCheckReport").list())
                .anySatisfy(v -> assertThat(v.getValue().toString()).contains("are in " + KEYSTORE, "cisco-ids"));

        handedBack(lab, "Task_ConfigureLoadBalancer", Map.of(), "loadBalancerCheckReport",
                "confirm that only one of the two web servers is active", "name the cookie the load balancer inserts");
        // Both web servers left active: new sessions spread over both, which the probe sees by the cookie alone.
        lab.lab().finalNotesPersons().configureLoadBalancer(List.of(WEB_A, WEB_B), COOKIE, true);
        Task both = handedBack(lab, "Task_ConfigureLoadBalancer", Map.of("persistenceCookie", COOKIE), "loadBalancerCheckReport",
                "2 different web servers");
        assertThat(history.createHistoricDetailQuery().variableUpdates().processInstanceId(run.getId()).list())
                .isNotEmpty().allSatisfy(d -> assertThat(String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue()))
                        .doesNotContain(".47873.0000", "lab-session-"));
        answered(lab, both);

        Task gadget = handedBack(lab, "Task_PrepareEceGadgetForPcce", Map.of("adminWorkstationsTrustEce", true, "tomcatRestarted", true),
                "pcceGadgetCheckReport", "spog_config.js on CC2K125ECEWA has web_server_name \"CC2K125ECEWA\", not \"" + ECE + "\"");
        answered(lab, gadget);

        assertThat(run).isEnded().hasPassed("Task_ReadFinalNotesValues", "Task_CheckEceCertificate", "Task_CheckPartitionUrl",
                "Task_CheckMailServerCertificates", "Task_CheckSsoCertificates", "Task_CheckLoadBalancer", "Gateway_Pcce",
                "Task_CheckPcceGadget", "Gateway_FinalNotesJoin", "EndEvent_FinalNotesDone");
        for (Server web : lab.lab().estate().webServers()) {
            assertThat(lab.lab().ece().readConfigFile(web.name(), EceConfigFile.SPOG_CONFIG_JS))
                    .isEqualTo("var web_server_name = \"" + ECE + "\";\n");
        }
        assertThat(lab.lab().ledger()).extracting(LedgerEntry::operation).contains("bindCertificateByHand",
                "setPartitionUrlByHand", "configureLoadBalancerByHand");

        int ledger = lab.lab().ledger().size();
        ProcessInstance rerun = start("FinalNotes", lab, Map.of());
        driver.answerEveryTaskUntilTheRunEnds(lab.key(), key -> java.util.Optional.of(answer(key)));
        assertThat(rerun).isEnded().hasPassed("EndEvent_FinalNotesDone");
        assertThat(driver.passed(rerun)).containsOnlyOnce("Task_BindEceCertificate", "Task_ConfigureLoadBalancer");
        assertThat(lab.lab().ledger()).hasSize(ledger);
    }

    @Test
    void anEstateWithoutPcceSkipsTheGadgetItem() throws IOException {
        String sample = Files.readString(estateFolder.dir().resolve(SAMPLE + ".yaml"));
        Files.writeString(estateFolder.dir().resolve(NO_PCCE + ".yaml"), sample
                .replace("estate: massivedynamic", "estate: " + NO_PCCE).replace("  pcce: true", "  pcce: false"));
        String key = NO_PCCE + ".rehearsal.20261125-210000-" + System.nanoTime() % 100000;
        RehearsalLab lab = labs.open(key, estates.load(NO_PCCE), LabScenario.defaults().withDurationScale(0));
        new EarlierSteps(key, null, lab).directories();
        eceInstalled(lab);
        Map<String, Object> variables = new HashMap<>(Map.of("estate", NO_PCCE, "runMode", "rehearsal"));
        ProcessInstance run = runtime.startProcessInstanceByKey("FinalNotes", key, variables);

        driver.answerEveryTaskUntilTheRunEnds(key, taskKey -> java.util.Optional.of(answer(taskKey)));

        assertThat(run).isEnded().hasPassed("Task_CheckLoadBalancer", "Gateway_Pcce", "Gateway_FinalNotesJoin",
                "EndEvent_FinalNotesDone").hasNotPassed("Task_PrepareEceGadgetForPcce", "Task_CheckPcceGadget");
        List<String> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(run.getId()).list().stream()
                .map(t -> t.getTaskDefinitionKey()).toList();
        assertThat(tasks).containsExactlyInAnyOrder("Task_BindEceCertificate", "Task_SetPartitionUrl",
                "Task_ImportMailServerCertificates", "Task_ImportSsoCertificates", "Task_ConfigureLoadBalancer");
    }

    @Test
    void anEceThatDoesNotAnswerGoesToTheOperatorsAfterMaxPollsAndIsCheckedAgainAfterTheirLook() {
        EarlierSteps lab = prepare("cisco-start-held-up").directories();
        eceInstalled(lab.lab());
        ProcessInstance run = start("FinalNotes", lab, Map.of());
        driver.runUntilIdle(lab.key());
        answered(lab, onlyTask(lab.key()));

        Task look = onlyTask(lab.key());
        assertThat(look).hasDefinitionKey("Task_LookIntoEceNotAnswering").hasCandidateGroup("operators");
        assertThat(variable(look, "loginPageReport").toString()).contains("14.10.162.169", "14.10.172.169", "Service Unavailable",
                "not the ECE login page");
        // The lab's clock barely moves in a test: the wait gives up at its poll cap, not at the document's time.
        assertThat(variable(look, "pollCount")).isEqualTo(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        assertThat(driver.passed(run).stream().filter("Timer_WaitForLoginPage"::equals))
                .hasSize(3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME - 1);
        driver.complete(look, answer("Task_LookIntoEceNotAnswering"));
        driver.runUntilIdle(lab.key());

        Task again = onlyTask(lab.key());
        assertThat(again).hasDefinitionKey("Task_LookIntoEceNotAnswering");
        assertThat(again.getId()).isNotEqualTo(look.getId());
        assertThat(driver.passed(run).stream().filter("Task_CheckLoginPage"::equals))
                .as("another round after the look").hasSize(2 * 3 * CiscoServiceWait.POLL_LIMITS_WITHOUT_TIME);
        runtime.deleteProcessInstance(run.getId(), "test ends the run it leaves waiting");
    }
}
