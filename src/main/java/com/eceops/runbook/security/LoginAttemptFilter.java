package com.eceops.runbook.security;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.digest._apacheCommonsCodec.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every password check a client can ask for goes through the {@link LoginThrottle}: HTTP Basic on the REST API
 * ({@code /engine-rest/*}) and the web applications' form login ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}). A key that must wait is answered 429 with
 * {@code Retry-After} and its password is not checked. The outcome decides: 401 is a failure; a success is a
 * Basic call that the REST filter authenticated ({@link RestApiAuthentication#AUTHENTICATED}) or a login
 * answered 200; anything else (a 403 from the CSRF filter, an unknown engine) changes nothing.
 *
 * <p>Every failure and refusal is logged with the user name, the client address and the entry point, never
 * the password; so is every form login that succeeds, and a Basic success after failures (a Basic success
 * alone is every REST call and is not logged). The REST API's {@code identity/verify}, a password check for any
 * user name that Camunda offers to any logged-in user and the web applications never use, is refused: it
 * would be a way around this throttle.
 */
final class LoginAttemptFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAttemptFilter.class);

    private static final Pattern FORM_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)/?$");
    private static final Pattern PASSWORD_VERIFICATION = Pattern.compile(
            "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?$");
    private static final String BASIC = "Basic ";

    private final LoginThrottle throttle;

    LoginAttemptFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    private record Attempt(String user, String entryPoint, boolean basic) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = Refusals.path(request);
        if (PASSWORD_VERIFICATION.matcher(path).matches()) {
            LOG.warn("Refused with 403: password verification over the API ({} {}) from {}", request.getMethod(),
                    Refusals.loggable(path), request.getRemoteAddr());
            Refusals.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Password verification over the API is turned off on this server; log in instead");
            return;
        }

        HttpServletRequest forward = request;
        Attempt attempt = null;
        Matcher login = FORM_LOGIN.matcher(path);
        if ("POST".equalsIgnoreCase(request.getMethod()) && login.matches()) {
            FormRequest form = new FormRequest(request);
            forward = form;
            attempt = new Attempt(form.firstFormValue("username"), "web application login (" + login.group(1) + ")",
                    false);
        } else if (path.startsWith("/engine-rest/") || path.equals("/engine-rest")) {
            String user = basicUser(request);
            if (user != null) {
                attempt = new Attempt(user, "REST API (HTTP Basic)", true);
            }
        }
        if (attempt == null) {
            chain.doFilter(forward, response);
            return;
        }

        String address = request.getRemoteAddr();
        String key = LoginThrottle.key(address, attempt.user());
        LoginThrottle.Admission admission = throttle.admit(key);
        if (!admission.admitted()) {
            long seconds = Math.max(1, (admission.waitMillis() + 999) / 1000);
            if (admission.firstRefusal()) {
                LOG.warn("Login refused with 429 without checking the password: user '{}' from {} via {}; "
                                + "this user and address wait {} ms more (further refusals are counted, not logged)",
                        Refusals.loggable(attempt.user()), address, attempt.entryPoint(), admission.waitMillis());
            }
            Refusals.write(response, 429, "TooManyLoginAttempts", "Too many failed logins for this user from this "
                    + "address: try again in " + seconds + " s", "Retry-After", Long.toString(seconds));
            return;
        }

        chain.doFilter(forward, response);

        int status = response.getStatus();
        boolean succeeded = attempt.basic()
                ? request.getAttribute(RestApiAuthentication.AUTHENTICATED) != null
                : status == HttpServletResponse.SC_OK;
        if (succeeded) {
            int failures = throttle.succeeded(key);
            if (!attempt.basic() || failures > 0) {
                LOG.info("Login succeeded: user '{}' from {} via {}{}", Refusals.loggable(attempt.user()), address,
                        attempt.entryPoint(), failures > 0 ? " after " + failures + " failed attempts" : "");
            }
        } else if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            LoginThrottle.Failure failure = throttle.failed(key);
            LOG.warn("Login failed: user '{}' from {} via {}: failure {} in a row{}; next attempt for this user "
                            + "from this address in {} ms", Refusals.loggable(attempt.user()), address,
                    attempt.entryPoint(), failure.failures(),
                    failure.refusedMeanwhile() > 0 ? " (" + failure.refusedMeanwhile() + " attempts refused while "
                            + "waiting)" : "", failure.waitMillis());
        } else if (!attempt.basic()) {
            LOG.info("Login refused with {}: user '{}' from {} via {}", status, Refusals.loggable(attempt.user()),
                    address, attempt.entryPoint());
        }
    }

    /**
     * The user name of an HTTP Basic header, decoded exactly as Camunda's {@code HttpBasicAuthenticationProvider}
     * does, so that no spelling of a header is checked by Camunda but missed here; null when Camunda would not
     * check a password.
     */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BASIC)) {
            return null;
        }
        String credentials = new String(Base64.decodeBase64(header.substring(BASIC.length())));
        int colon = credentials.indexOf(':');
        return colon < 0 ? null : credentials.substring(0, colon);
    }

    /**
     * The form login with its body read once here, for the user name, and given to the login resource and every
     * filter after this one as it came. The body is as large as {@link RequestSizeLimitFilter} lets it be.
     */
    static final class FormRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, List<String>> form;

        FormRequest(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
            this.form = parse(request, body);
        }

        String firstFormValue(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public int available() {
                    return bytes.available();
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the form login is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset(this)));
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, List<String>> all = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>())
                    .addAll(List.of(values)));
            form.forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            Map<String, String[]> merged = new LinkedHashMap<>();
            all.forEach((name, values) -> merged.put(name, values.toArray(String[]::new)));
            return Collections.unmodifiableMap(merged);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        private static Map<String, List<String>> parse(HttpServletRequest request, byte[] body) {
            Map<String, List<String>> form = new LinkedHashMap<>();
            String type = request.getContentType();
            if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                return form;
            }
            Charset charset = charset(request);
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
                form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return form;
        }

        private static String decode(String encoded, Charset charset) {
            String text = new String(encoded.getBytes(StandardCharsets.ISO_8859_1), charset);
            try {
                return URLDecoder.decode(text, charset);
            } catch (IllegalArgumentException malformed) {
                return text;
            }
        }

        private static Charset charset(HttpServletRequest request) {
            String encoding = request.getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (RuntimeException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
