package com.eceops.runbook.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.eceops.runbook.RunbookApplicationTest;

/** One run, one key; one changing run per estate: the run register and the estate lock, over the engine and REST. */
class EstateLockTest extends RunbookApplicationTest {

    private static final String ESTATE = "golock";
    private static final String ADMIN_PASSWORD = "test-only-admin-password";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    EstateLocks locks;
    @Autowired
    RunRegister register;
    @Autowired
    com.eceops.runbook.estate.EstateRepository estates;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void cancelWhatWasStarted() {
        for (String id : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "test: no real servers here");
            }
        }
        if (identity.createUserQuery().userId("lena").count() > 0) {
            identity.deleteUser("lena");
        }
    }

    @Test
    void startsAtTheSameMomentGetKeysOfTheirOwn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                starts.add(() -> {
                    ProcessInstance run = runtime.startProcessInstanceByKey("SystemChecks",
                            Map.of("estate", SAMPLE, "runMode", "rehearsal"));
                    synchronized (started) {
                        started.add(run.getId());
                    }
                    return run.getBusinessKey();
                });
            }
            Set<String> keys = new HashSet<>();
            for (Future<String> key : pool.invokeAll(starts)) {
                keys.add(key.get());
            }
            assertThat(keys).hasSize(16).allMatch(key -> key.matches("massivedynamic\\.rehearsal\\.\\d{8}-\\d{6}-\\d+"));
            assertThat(register.estateOf(RunKey.parse(keys.iterator().next()))).as("the estate the run started on, kept")
                    .contains(estates.load(SAMPLE));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveKeyAnotherRunHadIsRefusedEvenAfterThatRunIsOver() {
        ResponseEntity<String> first = startLive();
        String key = first.getBody().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1");
        runtime.deleteProcessInstance(idOf(first), "test: over");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SystemChecks", key,
                Map.of("estate", ESTATE, "runMode", "live", "confirmEstateName", ESTATE)))
                .isInstanceOf(RunRefusedException.class).hasMessageContaining("belongs to another run");
    }

    @Test
    void aRehearsalKeyNamesItsLabWhichOneRunAtATimeWorksOn() {
        String key = ESTATE + ".rehearsal.20261207-101500-7";
        ProcessInstance first = runtime.startProcessInstanceByKey("SystemChecks", key,
                Map.of("estate", ESTATE, "runMode", "rehearsal"));
        started.add(first.getId());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("SystemChecks", key,
                Map.of("estate", ESTATE, "runMode", "rehearsal")))
                .isInstanceOf(EstateLockedException.class)
                .hasMessageContaining("the lab " + key + " is being changed by another run: run " + key);

        runtime.deleteProcessInstance(first.getId(), "test: over");
        ProcessInstance again = runtime.startProcessInstanceByKey("SystemChecks", key, Map.of("estate", ESTATE, "runMode", "rehearsal"));
        started.add(again.getId());
        assertThat(again.getBusinessKey()).as("a later run continues the lab").isEqualTo(key);
    }

    @Test
    void aSecondLiveRunOnTheEstateIsRefusedWith409NamingTheHolderUntilTheFirstEnds() {
        ResponseEntity<String> first = startLive();
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        String holder = idOf(first);
        String holderKey = first.getBody().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1");

        ResponseEntity<String> second = startLive();
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).contains("estate 'golock' is being changed by another run: run " + holderKey
                + ", started by admin, holds it since");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(ESTATE + ".live.%").count())
                .as("the refused start kept nothing").isEqualTo(1);
        assertThat(get("/engine-rest/estate-lock/" + ESTATE).getBody()).contains(holderKey).contains("\"heldBy\":\"admin\"");

        // A rehearsal works on its own lab and is not held up.
        ProcessInstance rehearsal = runtime.startProcessInstanceByKey("SystemChecks", Map.of("estate", ESTATE, "runMode", "rehearsal"));
        started.add(rehearsal.getId());

        runtime.deleteProcessInstance(holder, "test: cancelled by the operator");
        assertThat(locks.of(ESTATE)).as("a cancelled run lets go of the estate").isEmpty();
        ResponseEntity<String> third = startLive();
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAnAdministratorBreaksALockAndOnlyWithAReasonWhichIsRecorded() {
        ResponseEntity<String> first = startLive();
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        User lena = identity.newUser("lena");
        lena.setPassword("lena-test-password");
        identity.saveUser(lena);

        assertThat(breakLock("lena", "lena-test-password", Map.of("reason", "node gone")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(breakLock("admin", ADMIN_PASSWORD, Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(breakLock("admin", ADMIN_PASSWORD, Map.of("reason", "two\nlines")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(locks.of(ESTATE)).isPresent();

        ResponseEntity<String> broken = breakLock("admin", ADMIN_PASSWORD, Map.of("reason", "its node burnt down"));
        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(locks.of(ESTATE)).isEmpty();
        assertThat(get("/engine-rest/estate-lock/" + ESTATE).getBody())
                .contains("admin broke the lock of run " + first.getBody().replaceAll(".*\"businessKey\":\"([^\"]+)\".*", "$1")
                        + ": its node burnt down");
        assertThat(breakLock("admin", ADMIN_PASSWORD, Map.of("reason", "again")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(startLive().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> startLive() {
        Map<String, Object> typed = new LinkedHashMap<>();
        Map.of("estate", ESTATE, "runMode", "live", "confirmEstateName", ESTATE)
                .forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity(
                "/engine-rest/process-definition/key/SystemChecks/start", new HttpEntity<>(Map.of("variables", typed), headers),
                String.class);
        if (answer.getStatusCode() == HttpStatus.OK) {
            started.add(idOf(answer));
        }
        return answer;
    }

    private ResponseEntity<String> breakLock(String user, String password, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).exchange("/engine-rest/estate-lock/" + ESTATE, HttpMethod.DELETE,
                new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> get(String path) {
        return rest.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity(path, String.class);
    }

    private static String idOf(ResponseEntity<String> started) {
        return started.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
}
