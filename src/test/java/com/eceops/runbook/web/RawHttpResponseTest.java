package com.eceops.runbook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The socket path's reading of one HTTP/1.1 answer: lengths, chunks, the cap, and malformed answers. */
class RawHttpResponseTest {

    private static HttpAnswer read(String raw, int max) throws IOException {
        return RawHttpResponse.read("https://ece.massivedynamic.com/default",
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), max);
    }

    @Test
    void aRedirectWithCookiesAndAContentLengthBody() throws IOException {
        HttpAnswer answer = read("HTTP/1.1 302 Found\r\nLocation: /default/login\r\nSet-Cookie: LB=1; Path=/\r\n"
                + "Set-Cookie: JSESSIONID=x; Secure\r\nContent-Length: 5\r\n\r\nmovedEXTRA", 1000);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).isEqualTo("/default/login");
        assertThat(answer.setCookies()).containsEntry("LB", "1").containsEntry("JSESSIONID", "x");
        assertThat(answer.body()).isEqualTo("moved");
    }

    @Test
    void aChunkedBodyIsJoinedAndALongBodyIsCapped() throws IOException {
        assertThat(read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<for\r\n2;x=y\r\nm>\r\n0\r\n\r\n", 1000).body())
                .isEqualTo("<form>");
        assertThat(read("HTTP/1.1 200 OK\r\n\r\n0123456789", 4).body()).isEqualTo("0123");
    }

    @Test
    void whatIsNoHttpAnswerIsAnIoFailure() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n", 100)).isInstanceOf(IOException.class).hasMessageContaining("not an HTTP answer");
        assertThatThrownBy(() -> read("HTTP/1.1 abc OK\r\n\r\n", 100)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n", 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 100)).isInstanceOf(IOException.class);
    }
}
