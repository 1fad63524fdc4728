package com.eceops.runbook.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/**
 * Refuses request bodies larger than {@code runbook.http.max-request-bytes} with 413 and one line of JSON. A
 * declared {@code Content-Length} over the limit is refused before anything reads the body. A body without
 * one (chunked) is counted while it is read: past the limit the read fails, whatever the application then
 * answers is discarded and the 413 is written instead, and the failed read is not logged as an error.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

    private final long limit;

    RequestSizeLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, "Content-Length " + declared);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // The container never reads more than Content-Length, and without either header there is no body.
            chain.doFilter(request, response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, new MutedResponse(response, limited::exceeded));
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!limited.exceeded()) {
                throw failure;
            }
        }
        if (limited.exceeded()) {
            if (response.isCommitted()) {
                LOG.warn("A chunked request body over {} bytes was refused after the answer had begun: {} {} from {}",
                        limit, request.getMethod(), Refusals.loggable(Refusals.path(request)), request.getRemoteAddr());
                return;
            }
            refuse(request, response, "chunked, more than " + limit + " bytes read");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String size) throws IOException {
        LOG.info("Refused with 413: a request body over {} bytes ({}): {} {} from {}", limit, size,
                request.getMethod(), Refusals.loggable(Refusals.path(request)), request.getRemoteAddr());
        Refusals.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "RequestTooLarge",
                "The request body is larger than " + limit + " bytes, this server's limit "
                        + "(runbook.http.max-request-bytes)", "Connection", "close");
    }

    /**
     * Thrown by a read past the limit; the filter answers 413 in its place. Unchecked and a JAX-RS 413, so that
     * the REST API's exception handler, if it sees it first, takes it for the client's error it is (logged at
     * debug level, not as a server error) instead of an I/O failure.
     */
    static final class BodyTooLargeException extends ClientErrorException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The request with its body counted while it is read. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private CountingInputStream stream;
        private BufferedReader reader;
        private volatile boolean exceeded;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class CountingInputStream extends ServletInputStream {

            private final ServletInputStream body;
            private long count;

            CountingInputStream(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public int available() throws IOException {
                return body.available();
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }

            @Override
            public void close() throws IOException {
                body.close();
            }

            private void counted(int n) {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new BodyTooLargeException(limit);
                }
            }
        }
    }

    /** Passes everything through until {@code muted}; from then on the application's answer goes nowhere. */
    static final class MutedResponse extends HttpServletResponseWrapper {

        private final BooleanSupplier muted;
        private ServletOutputStream stream;

        MutedResponse(HttpServletResponse response, BooleanSupplier muted) {
            super(response);
            this.muted = muted;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new MutedOutputStream(muted.getAsBoolean() ? null : super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (muted.getAsBoolean()) {
                return new PrintWriter(Writer.nullWriter());
            }
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!muted.getAsBoolean()) {
                super.flushBuffer();
            }
        }

        @Override
        public void setStatus(int status) {
            if (!muted.getAsBoolean()) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!muted.getAsBoolean()) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!muted.getAsBoolean()) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!muted.getAsBoolean()) {
                super.sendRedirect(location);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!muted.getAsBoolean()) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!muted.getAsBoolean()) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (!muted.getAsBoolean()) {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void addIntHeader(String name, int value) {
            if (!muted.getAsBoolean()) {
                super.addIntHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!muted.getAsBoolean()) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!muted.getAsBoolean()) {
                super.addDateHeader(name, date);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!muted.getAsBoolean()) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!muted.getAsBoolean()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!muted.getAsBoolean()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setCharacterEncoding(String charset) {
            if (!muted.getAsBoolean()) {
                super.setCharacterEncoding(charset);
            }
        }

        @Override
        public void reset() {
            if (!muted.getAsBoolean()) {
                super.reset();
            }
        }

        @Override
        public void resetBuffer() {
            if (!muted.getAsBoolean()) {
                super.resetBuffer();
            }
        }

        private final class MutedOutputStream extends ServletOutputStream {

            private final ServletOutputStream out;

            MutedOutputStream(ServletOutputStream out) {
                this.out = out;
            }

            private OutputStream target() {
                return out == null || muted.getAsBoolean() ? OutputStream.nullOutputStream() : out;
            }

            @Override
            public void write(int b) throws IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                target().write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                target().flush();
            }

            @Override
            public void close() throws IOException {
                if (out != null && !muted.getAsBoolean()) {
                    out.close();
                }
            }

            @Override
            public boolean isReady() {
                return out == null || out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                if (out != null) {
                    out.setWriteListener(listener);
                }
            }
        }
    }
}
