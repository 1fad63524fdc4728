package com.eceops.runbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.eceops.runbook.RunbookApplicationTest;

/**
 * What answers without a login, and the request size limit (1 MiB, runbook.http.max-request-bytes).
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLimitsTest extends RunbookApplicationTest {

    private static final int TWO_MIB = 2 * 1024 * 1024;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theListOfEnginesOnTheRestApiNeedsALogin() throws Exception {
        assertThat(get("/engine-rest/engine", false).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/engine/", false).statusCode()).isEqualTo(401);
        HttpResponse<String> engines = get("/engine-rest/engine", true);
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("default");
    }

    @Test
    void theActuatorIndexIsGoneAndHealthStaysAnonymous() throws Exception {
        assertThat(get("/actuator", false).statusCode()).isIn(401, 404);
        assertThat(get("/actuator/", false).statusCode()).isIn(401, 404);
        HttpResponse<String> health = get("/actuator/health", false);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void aBodyOverTheLimitWithContentLengthIsRefusedWith413(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/engine-rest/message", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(TWO_MIB)));

        assertTooLarge(response);
        assertThat(output.getOut()).contains("Refused with 413").contains("Content-Length " + (TWO_MIB));
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413WhileItIsRead(CapturedOutput output) throws Exception {
        HttpResponse<String> response = post("/engine-rest/message", "application/json", chunked(jsonOfSize(TWO_MIB)));

        assertTooLarge(response);
        assertThat(output.getOut()).contains("Refused with 413").contains("chunked");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ENGINE-REST-HTTP500");
    }

    @Test
    void aChunkedUploadOverTheLimitIsRefusedWith413() throws Exception {
        String boundary = "runbookBoundary4711";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbig\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"big.bpmn\"; filename=\"big.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, head.length + TWO_MIB);
        Arrays.fill(body, head.length, body.length, (byte) 'x');

        assertTooLarge(post("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                chunked(body)));
    }

    @Test
    void theWebApplicationsApiHasTheSameLimit() throws Exception {
        String fields = "username=admin&password=";
        byte[] form = (fields + "x".repeat(TWO_MIB - fields.length())).getBytes(StandardCharsets.US_ASCII);
        String login = "/camunda/api/admin/auth/user/default/login/tasklist";
        assertTooLarge(post(login, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(form)));
        assertTooLarge(post(login, "application/x-www-form-urlencoded", chunked(form)));
    }

    @Test
    void aChunkedBodyUnderTheLimitGoesThrough() throws Exception {
        byte[] json = jsonOfSize(900 * 1024);
        HttpResponse<String> response = post("/engine-rest/process-instance", "application/json", chunked(json));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body().strip()).contains("RequestTooLarge").doesNotContain("\n");
    }

    /** Blanks and then {}: valid JSON of exactly {@code size} bytes, which a parser must read to the end. */
    private static byte[] jsonOfSize(int size) {
        byte[] json = new byte[size];
        Arrays.fill(json, (byte) ' ');
        json[size - 2] = '{';
        json[size - 1] = '}';
        return json;
    }

    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        // No length known up front: the client sends Transfer-Encoding: chunked.
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(request(path, true).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, boolean asAdmin) throws Exception {
        return http.send(request(path, asAdmin).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, boolean asAdmin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (asAdmin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("admin:test-only-admin-password".getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }
}
