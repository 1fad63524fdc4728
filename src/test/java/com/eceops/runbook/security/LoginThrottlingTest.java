package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.eceops.runbook.RunbookApplicationTest;

/**
 * Failed logins are slowed per client address and user name, never locked (test delays: 25 ms doubling up to
 * 500 ms, application-test.yaml). Every request here comes from 127.0.0.1.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest extends RunbookApplicationTest {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-only-admin-password";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    LoginThrottle throttle;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void people() {
        person("lena", "lena-password");
        person("otto", "otto-password");
        throttle.forgetAll();
    }

    @AfterEach
    void forget() {
        throttle.forgetAll();
    }

    @Test
    void aDozenWrongPasswordsForTheAdministratorOnlySlowItDownTheRightOneStillWorks() throws Exception {
        // More than Camunda's default loginMaxAttempts (10), each after the wait: this used to lock the account.
        for (int i = 1; i <= 12; i++) {
            String guess = "guess-" + i + "-not-it";
            assertThat(afterTheWait(() -> basic(ADMIN, guess)).statusCode()).as(guess).isEqualTo(401);
        }
        HttpResponse<String> right = afterTheWait(() -> basic(ADMIN, ADMIN_PASSWORD));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void whileAKeyWaitsItIsAnswered429WithRetryAfterAndItsPasswordIsNotChecked() throws Exception {
        for (int i = 0; i < 5; i++) {
            afterTheWait(() -> basic("lena", "wrong"));
        }
        int camundaAttempts = camundaAttempts("lena");

        HttpResponse<String> refused = basic("lena", "lena-password");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body().strip()).contains("TooManyLoginAttempts").doesNotContain("\n");
        assertThat(camundaAttempts("lena")).isEqualTo(camundaAttempts);
        assertThat(afterTheWait(() -> basic("lena", "lena-password")).statusCode()).isEqualTo(200);
    }

    @Test
    void aWaitingKeySlowsNeitherAnotherUserNorTheAdministratorFromTheSameAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            afterTheWait(() -> basic("lena", "wrong"));
        }
        assertThat(basic("lena", "lena-password").statusCode()).isEqualTo(429);

        assertThat(basic(ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(basic("otto", "otto-password").statusCode()).isEqualTo(200);
        assertThat(basic("otto", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void theWebApplicationsLoginIsSlowedTheSameWay() throws Exception {
        WebLogin browser = new WebLogin();
        for (int i = 0; i < 5; i++) {
            assertThat(afterTheWait(() -> browser.login("lena", "wrong")).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = browser.login("lena", "lena-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        // One key per user name and address, whatever the entry point.
        assertThat(basic("lena", "lena-password").statusCode()).isEqualTo(429);

        HttpResponse<String> loggedIn = browser.login(ADMIN, ADMIN_PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.body()).contains("\"userId\":\"admin\"");
    }

    @Test
    void aFailedLoginIsLoggedWithUserAddressAndEntryPointButNotThePassword(CapturedOutput output) throws Exception {
        String password = "Sup3r-secret-guess-4711";
        assertThat(basic("otto", password).statusCode()).isEqualTo(401);
        HttpResponse<String> form = afterTheWait(() -> new WebLogin().login("otto", password));
        assertThat(form.statusCode()).isEqualTo(401);

        assertThat(output.getOut()).contains("Login failed: user 'otto' from 127.0.0.1 via REST API (HTTP Basic)")
                .contains("Login failed: user 'otto' from 127.0.0.1 via web application login (tasklist)")
                .doesNotContain(password);
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("\tat ");
    }

    @Test
    void refusalsLeaveNoStackTraceInTheLog(CapturedOutput output) throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(afterTheWait(() -> basic("lena", "wrong")).statusCode()).isEqualTo(401);
        }
        assertThat(basic("lena", "wrong").statusCode()).isEqualTo(429);
        assertThat(output.getOut()).contains("Login refused with 429");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void passwordVerificationOverTheApiIsRefused() throws Exception {
        for (String path : new String[] {"/engine-rest/identity/verify", "/engine-rest/engine/default/identity/verify",
                "/camunda/api/engine/engine/default/identity/verify"}) {
            HttpResponse<String> response = http.send(request(path)
                    .header("Authorization", basicHeader(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"lena\",\"password\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
    }

    /** A browser session on the web applications: the engine list first (CSRF token), then the login form. */
    private final class WebLogin {
        private final HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        private String token;

        HttpResponse<String> login(String user, String password) throws Exception {
            if (token == null) {
                HttpResponse<String> engines = browser.send(request("/camunda/api/engine/engine/").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                token = engines.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            }
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return browser.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Sends again while the answer is 429 (the test's waits are milliseconds). */
    private static HttpResponse<String> afterTheWait(Call call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = call.send();
        while (response.statusCode() == 429 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = call.send();
        }
        return response;
    }

    private HttpResponse<String> basic(String user, String password) throws Exception {
        return http.send(request("/engine-rest/task").header("Authorization", basicHeader(user, password)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private int camundaAttempts(String user) {
        return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts();
    }

    private void person(String id, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }
}
