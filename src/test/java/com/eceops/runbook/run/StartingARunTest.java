package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.eceops.runbook.RunbookApplicationTest;

class StartingARunTest extends RunbookApplicationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    @Test
    void aRehearsalOfTheSampleEstateStartsWithARunKeyThatNamesEstateAndMode() {
        ResponseEntity<String> response = start(Map.of("estate", SAMPLE, "runMode", "rehearsal"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsPattern("\"businessKey\":\"massivedynamic\\.rehearsal\\.\\d{8}-\\d{6}-\\d+\"");
    }

    @Test
    void anInvalidEstateIsRefusedWithEveryProblemAndItsPathAndNothingIsKept() {
        long before = history.createHistoricProcessInstanceQuery().count();

        ResponseEntity<String> response = start(Map.of("estate", "broken", "runMode", "rehearsal"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("sides.b.collocated.ip").contains("availabilityGroup.listener.port");
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
    }

    @Test
    void anUnknownEstateIsRefused() {
        ResponseEntity<String> response = start(Map.of("estate", "atlantis", "runMode", "rehearsal"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("atlantis");
    }

    @Test
    void aRunWithoutEstateOrWithAnUnknownModeIsRefused() {
        ResponseEntity<String> noEstate = start(Map.of("runMode", "rehearsal"));
        assertThat(noEstate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // Over REST the start form's rules answer first; the run guard behind them says the same in its words.
        assertThat(noEstate.getBody()).contains("estate (Estate): is required");
        ResponseEntity<String> unknownMode = start(Map.of("estate", SAMPLE, "runMode", "yolo"));
        assertThat(unknownMode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownMode.getBody()).contains("runMode (Run mode): must be one of [rehearsal, plan, live], not 'yolo'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SystemChecks",
                Map.of("runMode", "rehearsal"))).hasMessageContaining("a run needs an estate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SystemChecks",
                Map.of("estate", SAMPLE, "runMode", "yolo"))).hasMessageContaining("unknown run mode 'yolo'");
    }

    @Test
    void aLiveRunIsRefusedOnAnEstateNotMarkedLive() {
        ResponseEntity<String> response = start(Map.of("estate", SAMPLE, "runMode", "live",
                "confirmEstateName", SAMPLE));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("not marked live");
    }

    @Test
    void aLiveRunIsRefusedUnlessTheStarterTypesTheEstatesName() {
        ResponseEntity<String> response = start(Map.of("estate", "golive", "runMode", "live",
                "confirmEstateName", "go-live"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("confirmed by typing the estate's name 'golive'");
    }

    @Test
    void aConfirmedLiveRunOnAnEstateMarkedLiveStarts() {
        ResponseEntity<String> response = start(Map.of("estate", "golive", "runMode", "live",
                "confirmEstateName", "golive"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsPattern("\"businessKey\":\"golive\\.live\\.\\d{8}-\\d{6}-\\d+\"");
        String id = response.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("confirmEstateName").count()).as("the confirmation is not kept").isZero();
        runtime.deleteProcessInstance(id, "test: no real servers here");
    }

    @Test
    void aBusinessKeyThatNamesAnotherEstateIsRefused() {
        Map<String, Object> body = new LinkedHashMap<>(payload(Map.of("estate", SAMPLE, "runMode", "rehearsal")));
        body.put("businessKey", "golive.rehearsal.20261125-120000");
        ResponseEntity<String> response = post(body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("does not match estate 'massivedynamic'");
    }

    @Test
    void anUnknownLabScenarioIsRefusedInOneLineNamingTheKnownOnesAndAShippedOneIsTaken() {
        ResponseEntity<String> unknown = start(Map.of("estate", SAMPLE, "runMode", "rehearsal", "labScenario", "no-such-drill"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("labScenario: no lab scenario 'no-such-drill'; known: ")
                .contains("cisco-start-held-up").contains("slow-clock").doesNotContain("\\n");
        ResponseEntity<String> shipped = start(Map.of("estate", SAMPLE, "runMode", "rehearsal", "labScenario", "slow-clock"));
        assertThat(shipped.getStatusCode()).isEqualTo(HttpStatus.OK);
        runtime.deleteProcessInstance(shipped.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"), "test");
    }

    private ResponseEntity<String> start(Map<String, String> variables) {
        return post(payload(variables));
    }

    private static Map<String, Object> payload(Map<String, String> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        return Map.of("variables", typed);
    }

    private ResponseEntity<String> post(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("admin", "test-only-admin-password").postForEntity(
                "/engine-rest/process-definition/key/Preinstallation/start", new HttpEntity<>(body, headers), String.class);
    }
}
