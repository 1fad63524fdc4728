package com.eceops.runbook.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Without a configured password the first start generates one, shows it once, and never again. */
class AdministratorPasswordIT {

    private static final Pattern SHOWN = Pattern.compile("was created with password\\s*\\n\\s+(\\S+)");

    @Test
    void theFirstStartPrintsAGeneratedPasswordOnceAndLaterStartsNeverShowIt() throws Exception {
        Path data = Files.createTempDirectory("runbook-admin");
        int port = RunbookJar.freePort();
        Map<String, String> env = new HashMap<>(RunbookJar.baseEnvironment(data, port));
        env.remove("RUNBOOK_ADMIN_PASSWORD");

        String password;
        try (RunbookJar first = RunbookJar.start(env)) {
            first.awaitHealthy(Duration.ofMinutes(2));
            Matcher shown = SHOWN.matcher(first.consoleText());
            assertThat(shown.find()).as(first.consoleText()).isTrue();
            password = shown.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(first.consoleText().split(Pattern.quote(password), -1)).hasSize(2);
            assertThat(statusAs(port, password)).isEqualTo(200);
        }
        try (RunbookJar second = RunbookJar.start(env)) {
            second.awaitHealthy(Duration.ofMinutes(2));
            assertThat(second.consoleText()).doesNotContain(password).doesNotContain("was created with password");
            assertThat(statusAs(port, password)).isEqualTo(200);
            assertThat(statusAs(port, "demo")).isEqualTo(401);
        }
    }

    private static int statusAs(int port, String password) throws Exception {
        String token = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/engine-rest/process-definition")).header("Authorization", "Basic " + token).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
