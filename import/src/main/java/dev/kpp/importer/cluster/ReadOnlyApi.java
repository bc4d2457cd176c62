package dev.kpp.importer.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The only way the live import talks to an API server: HTTP GET of read paths, never a body, never
 * a watch, never Secrets. Retries 429 and 5xx answers, timeouts and dropped connections with
 * exponential backoff (honouring Retry-After), a bounded number of times; fails at once on TLS
 * errors. Every failure becomes an {@link ImportProblem} that names the server and the cause, with
 * secrets masked.
 */
final class ReadOnlyApi {
    /** Reads a successful response body. */
    interface BodyReader<T> {
        T read(InputStream body) throws IOException, ImportException;
    }

    /** Told before each retry. */
    interface RetryObserver {
        RetryObserver NONE = (attempt, reason) -> {
        };

        void retrying(int attempt, String reason);
    }

    /** A non-retryable HTTP status (401, 403, 404, 410, other 4xx). */
    static final class StatusException extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final String message;

        StatusException(int code, String message) {
            super("HTTP " + code, null, false, false);
            this.code = code;
            this.message = message;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String server;
    private final String via;
    private final ClusterSettings settings;
    private final Secrets secrets;
    private final BooleanSupplier cancelled;
    private final IdleWatchdog watchdog;

    /**
     * @param server the API server URL (may end with a slash)
     * @param proxy  the proxy in use, "" when direct (named in unreachable errors)
     */
    ReadOnlyApi(HttpClient http, String server, String proxy, ClusterSettings settings, Secrets secrets,
                BooleanSupplier cancelled, IdleWatchdog watchdog) {
        this.http = http;
        this.base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.server = Secrets.safeUrl(base);
        this.via = proxy.isEmpty() ? "" : " (through proxy " + Secrets.safeUrl(proxy) + ")";
        this.settings = settings;
        this.secrets = secrets;
        this.cancelled = cancelled;
        this.watchdog = watchdog;
    }

    /** @return the server URL without user info */
    String server() {
        return server;
    }

    /**
     * GETs a path and reads its body.
     *
     * @param pathAndQuery e.g. {@code /api/v1/services?limit=500}
     * @param accept       the Accept header
     * @param reader       reads a 200 body
     * @param attempts     tries for retryable failures (at most the settings' bound)
     * @throws StatusException       for 401, 403, 404, 410 and other 4xx answers
     * @throws ClusterFailure        when the server cannot be reached, TLS fails, or retries ran out
     * @throws ImportCancelledException when cancelled
     */
    <T> T get(String pathAndQuery, String accept, BodyReader<T> reader, int attempts, RetryObserver observer)
            throws StatusException, ClusterFailure {
        ReadOnlyPaths.check(pathAndQuery);
        String location = ReadOnlyPaths.withoutContinue(pathAndQuery);
        int max = Math.max(1, Math.min(attempts, settings.attempts()));
        ImportProblem last = null;
        int connectFailures = 0;
        for (int attempt = 1; ; attempt++) {
            checkCancelled();
            Thread.interrupted(); // a stray interrupt from the watchdog must not fail this request
            Failure f;
            try {
                return once(pathAndQuery, accept, reader);
            } catch (Failure e) {
                f = e;
            }
            last = ImportProblem.error(f.code, server, location, secrets.scrub(f.detail));
            boolean unreachable = f.code.equals(ClusterProblems.UNREACHABLE);
            if (unreachable) {
                connectFailures++;
            }
            if (!f.retryable || attempt >= max || (unreachable && connectFailures >= settings.connectAttempts())) {
                throw new ClusterFailure(last);
            }
            observer.retrying(attempt, secrets.scrub(f.detail));
            pause(backoff(attempt, f.retryAfterMillis));
        }
    }

    private <T> T once(String pathAndQuery, String accept, BodyReader<T> reader) throws Failure, StatusException {
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(base + pathAndQuery)
                .header("Accept", accept)
                .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        BodyStream stream = new BodyStream();
        CompletableFuture<HttpResponse<io.fabric8.kubernetes.client.http.AsyncBody>> future =
                http.consumeBytes(request, stream);
        HttpResponse<io.fabric8.kubernetes.client.http.AsyncBody> response = await(future);
        stream.attach(response.body());
        int code = response.code();
        if (code == 200) {
            IdleWatchdog.Watched body = watchdog.watch(stream);
            try (body) {
                T value = reader.read(body);
                body.drain(1 << 20);
                return value;
            } catch (ImportException e) {
                if (body.timedOut()) {
                    throw idle();
                }
                checkCancelled();
                if (isTruncation(e)) {
                    throw new Failure(ClusterProblems.CONNECTION_LOST, true, 0, "the response ended early ("
                            + e.problem().detail() + ")");
                }
                throw new Failure(ClusterProblems.BAD_RESPONSE, false, 0, "not a Kubernetes list: "
                        + e.problem().detail());
            } catch (IOException e) {
                if (body.timedOut()) {
                    throw idle();
                }
                checkCancelled();
                throw new Failure(ClusterProblems.CONNECTION_LOST, true, 0, "the connection was lost while reading: "
                        + cause(e));
            }
        }
        String message = errorMessage(stream);
        if (code == 429 || code >= 500) {
            long retryAfter = retryAfter(response.header("Retry-After"));
            throw new Failure(ClusterProblems.SERVER_ERROR, true, retryAfter, "HTTP " + code
                    + (message.isEmpty() ? "" : ": " + message));
        }
        throw new StatusException(code, secrets.scrub(message));
    }

    private <R> HttpResponse<R> await(CompletableFuture<HttpResponse<R>> future) throws Failure {
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos()
                + settings.connectTimeout().toNanos();
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    future.cancel(true);
                    throw new ImportCancelledException();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    future.cancel(true);
                    throw new Failure(ClusterProblems.TIMEOUT, true, 0, "no response within "
                            + seconds(settings.requestTimeout()) + " s");
                }
                try {
                    return future.get(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // poll the cancellation again
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            checkCancelled();
            throw new Failure(ClusterProblems.TIMEOUT, true, 0, "interrupted while waiting for the server");
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
    }

    private Failure classify(Throwable t) {
        for (Throwable r = t; r != null && r.getCause() != r; r = r.getCause()) {
            if (r instanceof UnknownHostException || r instanceof java.nio.channels.UnresolvedAddressException) {
                return new Failure(ClusterProblems.UNREACHABLE, true, 0, "cannot resolve the host of " + server + via
                        + ": " + (r.getMessage() == null ? "unknown host" : message(r)));
            }
        }
        Throwable c = t;
        for (int i = 0; i < 10 && c != null; i++) {
            if (c instanceof SSLException || c instanceof GeneralSecurityException) {
                return new Failure(ClusterProblems.TLS_FAILURE, false, 0, "TLS with " + server + " failed: "
                        + message(c) + tlsHint());
            }
            if (c instanceof UnknownHostException) {
                return new Failure(ClusterProblems.UNREACHABLE, true, 0, "cannot resolve the host of " + server + via
                        + ": " + message(c));
            }
            if (c.getClass().getName().equals("java.net.http.HttpConnectTimeoutException")) {
                return new Failure(ClusterProblems.UNREACHABLE, true, 0, "cannot connect to " + server + via
                        + ": connect timed out after " + seconds(settings.connectTimeout()) + " s");
            }
            if (c.getClass().getName().equals("java.net.http.HttpTimeoutException")) {
                return new Failure(ClusterProblems.TIMEOUT, true, 0, server + " did not answer within "
                        + seconds(settings.requestTimeout()) + " s");
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                String m = deepMessage(c, c instanceof ConnectException ? "connection refused" : "no route to host");
                boolean timeout = m.toLowerCase(java.util.Locale.ROOT).contains("timed out");
                return new Failure(ClusterProblems.UNREACHABLE, true, 0, "cannot connect to " + server + via + ": "
                        + (timeout ? "connect timed out after " + seconds(settings.connectTimeout()) + " s" : m));
            }
            if (c instanceof java.net.SocketTimeoutException || c instanceof TimeoutException) {
                return new Failure(ClusterProblems.TIMEOUT, true, 0, server + " did not answer within "
                        + seconds(settings.requestTimeout()) + " s");
            }
            c = c.getCause();
        }
        String why = cause(t);
        boolean closedAfterHandshake = server.startsWith("https://") && why.contains("received no bytes");
        return new Failure(ClusterProblems.CONNECTION_LOST, true, 0, "request to " + server + via + " failed: "
                + why + (closedAfterHandshake ? " (the server closed the connection after the TLS handshake: it may "
                + "require a client certificate that the context does not send, or refuse the one it sends)" : ""));
    }

    private String tlsHint() {
        return " (check the cluster's certificate-authority or certificate-authority-data in the kubeconfig, and the "
                + "user's client certificate if the server asks for one; insecure-skip-tls-verify turns verification "
                + "off)";
    }

    private Failure idle() {
        return new Failure(ClusterProblems.TIMEOUT, true, 0, "the response stalled: no data for "
                + seconds(settings.idleTimeout()) + " s");
    }

    private static boolean isTruncation(ImportException e) {
        String code = e.problem().code();
        if (code.equals("truncated")) {
            return true;
        }
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof com.fasterxml.jackson.core.io.JsonEOFException
                    || c instanceof ClosedByInterruptException || c instanceof InterruptedIOException
                    || (c instanceof IOException && !(c instanceof com.fasterxml.jackson.core.JsonProcessingException))) {
                return true;
            }
        }
        return false;
    }

    private String errorMessage(InputStream stream) {
        String body;
        IdleWatchdog.Watched in = watchdog.watch(stream);
        try {
            body = in == null ? "" : new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            if (in != null) {
                in.drain(1 << 20);
            }
        } catch (IOException e) {
            body = "";
        } finally {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // an error body
                }
            }
        }
        try {
            JsonNode n = Parsers.JSON_TREE.readTree(body);
            if (n != null && n.isObject() && n.hasNonNull("message")) {
                return oneLine(n.get("message").asText());
            }
        } catch (IOException e) {
            // not a Status object
        }
        return oneLine(body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new ImportCancelledException();
        }
    }

    private long backoff(int attempt, long retryAfterMillis) {
        long base = settings.backoff().toMillis() << Math.min(attempt - 1, 16);
        long jittered = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        long cap = settings.maxBackoff().toMillis();
        return Math.min(cap, Math.max(jittered, retryAfterMillis));
    }

    private void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            checkCancelled();
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000L)));
            } catch (InterruptedException e) {
                checkCancelled();
            }
        }
    }

    private static long retryAfter(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip())) * 1000L;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String cause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c && (c.getMessage() == null
                || c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException)) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + oneLine(c.getMessage()));
    }

    /** @return the first message down the cause chain, or the fallback */
    private static String deepMessage(Throwable t, String fallback) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return oneLine(c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return fallback;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f",
                d.toMillis() / 1000.0);
    }

    /** A failed attempt. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String code;
        final boolean retryable;
        final long retryAfterMillis;
        final String detail;

        Failure(String code, boolean retryable, long retryAfterMillis, String detail) {
            super(code, null, false, false);
            this.code = code;
            this.retryable = retryable;
            this.retryAfterMillis = retryAfterMillis;
            this.detail = detail;
        }
    }
}
