package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

class AccessControlTest extends RunbookApplicationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    LoginThrottle throttle;

    private Task dbaTask;
    private Task operatorTask;

    @BeforeEach
    void peopleAndTasks() {
        person("olivia", "operators");
        person("dana", "dbas");
        person("max", "managers");
        dbaTask = candidateTask("Upgrade SQL Server to Enterprise", "dbas");
        operatorTask = candidateTask("Bring the server back online", "operators");
    }

    @AfterEach
    void removeTasks() {
        tasks.deleteTask(dbaTask.getId(), true);
        tasks.deleteTask(operatorTask.getId(), true);
    }

    @AfterEach
    void forgetFailedLogins() {
        // A wrong password here must not make the next test's administrator wait (LoginThrottle).
        throttle.forgetAll();
    }

    @Test
    void anAnonymousCallToTheRestApiIsRefused() {
        ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void wrongCredentialsAreRefused() {
        ResponseEntity<String> response = rest.withBasicAuth("admin", "not-the-password")
                .getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theHealthEndpointIsAnonymous() {
        ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("UP");
    }

    @Test
    void thereIsNoDemoUser() {
        assertThat(identity.createUserQuery().userId("demo").count()).isZero();
        ResponseEntity<String> response = rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anOperatorSeesTheOperatorsTasksButNotTheDbasTasks() {
        String body = rest.withBasicAuth("olivia", "olivia-password").getForObject("/engine-rest/task", String.class);
        assertThat(body).contains(operatorTask.getId()).doesNotContain(dbaTask.getId());
    }

    @Test
    void aManagerSeesEveryTaskButCannotCompleteOne() {
        String body = rest.withBasicAuth("max", "max-password").getForObject("/engine-rest/task", String.class);
        assertThat(body).contains(operatorTask.getId()).contains(dbaTask.getId());

        ResponseEntity<String> completion = post("max", "/engine-rest/task/" + dbaTask.getId() + "/complete");
        assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(dbaTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void aDbaCompletesTheirOwnTaskButNotAnOperatorsTask() {
        assertThat(post("dana", "/engine-rest/task/" + operatorTask.getId() + "/complete").getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(post("dana", "/engine-rest/task/" + dbaTask.getId() + "/complete").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        dbaTask = candidateTask("Upgrade SQL Server to Enterprise", "dbas");
    }

    @Test
    void everyGroupHasItsTasklistFilter() {
        for (RunbookGroup group : RunbookGroup.values()) {
            assertThat(identity.createGroupQuery().groupId(group.id()).count()).as(group.id()).isEqualTo(1);
            assertThat(filters.createFilterQuery().filterName(group.filterName()).count()).as(group.filterName())
                    .isEqualTo(1);
        }
        String operatorFilters = rest.withBasicAuth("olivia", "olivia-password")
                .getForObject("/engine-rest/filter", String.class);
        assertThat(operatorFilters).contains(RunbookGroup.OPERATORS.filterName())
                .doesNotContain(RunbookGroup.DBAS.filterName());
    }

    private ResponseEntity<String> post(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user + "-password")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of()), headers), String.class);
    }

    private void person(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(id + "-password");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    private Task candidateTask(String name, String group) {
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return tasks.createTaskQuery().taskId(task.getId()).singleResult();
    }
}
