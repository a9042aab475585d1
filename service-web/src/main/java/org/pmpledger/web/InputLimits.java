package org.pmpledger.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bounds a request meets before anything else reads it, security included: the body's size (413 as soon as the
 * declared or the read length passes it, so a large body is never buffered) and the format of the headers both
 * services give meaning to. Every refusal is problem+json.
 */
public final class InputLimits extends OncePerRequestFilter {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** A header with a meaning of its own, and the values it takes. */
    private record HeaderRule(String name, Pattern values, String message) {}

    private static final List<HeaderRule> HEADER_RULES = List.of(
            new HeaderRule(
                    IDEMPOTENCY_KEY,
                    Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,98}[\\x21-\\x7E])?"),
                    "must be 1 to 100 printable ASCII characters, not starting or ending with a space"),
            new HeaderRule(
                    CORRELATION_ID,
                    Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}"),
                    "must be 1 to 128 characters of A-Z a-z 0-9 . _ : / + = -"));

    private final InputLimitSettings settings;

    InputLimits(InputLimitSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (HeaderRule rule : HEADER_RULES) {
            for (String value : Collections.list(request.getHeaders(rule.name()))) {
                if (!rule.values().matcher(value).matches()) {
                    ProblemJson.write(
                            response,
                            HttpStatus.BAD_REQUEST,
                            "invalid-request",
                            "Header " + rule.name() + " " + rule.message() + ".",
                            List.of(ApiProblems.fieldError(rule.name(), rule.message())));
                    return;
                }
            }
        }
        String unreadable = unreadableQuery(request.getQueryString());
        if (unreadable != null) {
            ProblemJson.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Query parameter " + unreadable
                            + " is not text the API reads: it has control characters or is not UTF-8 percent-encoding.",
                    List.of(ApiProblems.fieldError(unreadable, "must be printable text")));
            return;
        }
        long limit = settings.limitOf(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuseTooLarge(response, limit);
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** The first query parameter whose name or value does not decode to printable text; null when every one does. */
    static String unreadableQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                String decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (!printable(decodedName) || !printable(value)) {
                    return printable(decodedName) ? decodedName : "(name)";
                }
            } catch (IllegalArgumentException e) {
                return name.length() > 40 ? name.substring(0, 40) : name;
            }
        }
        return null;
    }

    private static boolean printable(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xFFFD);
    }

    static void refuseTooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemJson.write(
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "The request body is larger than " + limit + " bytes, the limit of this endpoint.",
                List.of(ApiProblems.fieldError("body", "must be at most " + limit + " bytes")));
    }

    /** Thrown while the body is read, once it has passed its limit: answered 413. */
    public static final class BodyTooLarge extends IOException {

        private final long limit;

        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** The request with a body that can be read up to its limit, not a byte further. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counted(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
