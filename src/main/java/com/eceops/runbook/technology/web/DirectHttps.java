package com.eceops.runbook.technology.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * Single HTTPS GETs from the runbook host over Apache HttpClient, either to the address DNS gives for the URL's
 * host or to a chosen address with the URL's host kept for the Host header, SNI and the certificate's name (an
 * {@link HttpHost} with an explicit address: HttpClient connects there instead of asking DNS). No proxy, no cookie
 * store and no redirects: {@link Redirects} and the caller decide those, so each hop is exactly one request. Only
 * https is registered; the checks never mean to look at ECE over plain http.
 */
final class DirectHttps {

    /** A runaway page cannot fill the runbook's memory; a login page is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;

    private final CloseableHttpClient client;

    DirectHttps(SSLContext verifying, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        RequestConfig config = RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis).build();
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                RegistryBuilder.<ConnectionSocketFactory>create().register("https", new NoProxyTls(verifying)).build());
        this.client = HttpClients.custom().setConnectionManager(connections).setDefaultRequestConfig(config)
                .disableCookieManagement().disableRedirectHandling().build();
    }

    /**
     * GETs {@code url} with {@code cookies} sent, from {@code address} when it is not null. The absolute URL stays
     * on the request, so the Host header carries its host (and its port only when the URL names one).
     */
    HttpAnswer get(String url, InetAddress address, Map<String, String> cookies) throws IOException {
        URI uri = URI.create(url);
        // Always an explicit port: HttpClient's route planner rebuilds a target without one and loses its address.
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        HttpHost target = address == null ? new HttpHost(uri.getHost(), port, uri.getScheme())
                : new HttpHost(address, uri.getHost(), port, uri.getScheme());
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.setHeader("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try (CloseableHttpResponse response = client.execute(target, request)) {
            Header location = response.getFirstHeader("Location");
            return new HttpAnswer(url, response.getStatusLine().getStatusCode(), body(response.getEntity()),
                    HttpWebEndpointOperations.setCookies(Arrays.stream(response.getHeaders("Set-Cookie")).map(Header::getValue).toList()),
                    location == null ? null : location.getValue());
        }
    }

    /**
     * At most {@link #MAX_BODY} bytes, in the charset the page declares (UTF-8 if none). The stream is left open on
     * purpose: closing it would read a longer body to its end to keep the connection; closing the response instead
     * drops a connection whose body was not read through.
     */
    private static String body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] bytes = in.readNBytes(MAX_BODY);
        ContentType type = ContentType.getLenient(entity);
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return new String(bytes, charset);
    }

    /**
     * HttpClient's TLS on a socket made with {@link Proxy#NO_PROXY}: a plain {@code new Socket()} asks the JVM's
     * ProxySelector, and a proxy would answer for the VIP or the web server.
     */
    private static final class NoProxyTls extends SSLConnectionSocketFactory {

        NoProxyTls(SSLContext verifying) {
            super(verifying);
        }

        @Override
        public Socket createSocket(HttpContext context) {
            return new Socket(Proxy.NO_PROXY);
        }
    }
}
