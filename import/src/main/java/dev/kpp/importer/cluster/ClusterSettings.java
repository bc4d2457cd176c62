package dev.kpp.importer.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a live import connects: the environment it reads (KUBECONFIG, HOME, PATH, SHELL, proxies),
 * where exec plugins are looked for, time limits and retries. Every limit is bounded, so an import
 * of an unreachable or stalled server ends within a known time.
 *
 * @param env             the process environment
 * @param execPath        a search path for exec plugins that replaces PATH and the login shell's (settings)
 * @param connectTimeout  TCP and TLS connect limit per attempt
 * @param requestTimeout  limit from a request to its response headers
 * @param idleTimeout     limit on a response body that stops sending bytes
 * @param attempts        tries per request for 429, 5xx, timeouts and dropped connections
 * @param connectAttempts tries per request when the server cannot be reached at all
 * @param backoff         pause before the first retry; doubled per retry
 * @param maxBackoff      longest pause between retries (also caps Retry-After)
 * @param execTimeout     limit on an exec credential plugin
 * @param metricsPort     kube-proxy's metrics port on nodes
 * @param userAgent       the User-Agent header
 * @param clock           the clock for provenance
 */
public record ClusterSettings(Map<String, String> env, Optional<String> execPath, Duration connectTimeout,
                              Duration requestTimeout, Duration idleTimeout, int attempts, int connectAttempts,
                              Duration backoff, Duration maxBackoff, Duration execTimeout, int metricsPort,
                              String userAgent, Clock clock) {
    public ClusterSettings {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(execPath, "execPath");
        if (attempts < 1 || connectAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
        userAgent = userAgent == null || userAgent.isBlank() ? "kpp" : userAgent;
    }

    /** @return the defaults for this process's environment */
    public static ClusterSettings defaults() {
        return new ClusterSettings(System.getenv(), Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 5, 2, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60),
                10249, "kpp", Clock.systemUTC());
    }

    /** @return these settings with another environment */
    public ClusterSettings withEnv(Map<String, String> e) {
        return new ClusterSettings(e, execPath, connectTimeout, requestTimeout, idleTimeout, attempts, connectAttempts,
                backoff, maxBackoff, execTimeout, metricsPort, userAgent, clock);
    }

    /** @return these settings with an exec plugin search path (empty: PATH and the login shell's) */
    public ClusterSettings withExecPath(Optional<String> p) {
        return new ClusterSettings(env, p, connectTimeout, requestTimeout, idleTimeout, attempts, connectAttempts,
                backoff, maxBackoff, execTimeout, metricsPort, userAgent, clock);
    }

    /** @return these settings with other time limits */
    public ClusterSettings withTimeouts(Duration connect, Duration request, Duration idle) {
        return new ClusterSettings(env, execPath, connect, request, idle, attempts, connectAttempts, backoff,
                maxBackoff, execTimeout, metricsPort, userAgent, clock);
    }

    /** @return these settings with other retry bounds */
    public ClusterSettings withRetries(int tries, int connectTries, Duration first, Duration max) {
        return new ClusterSettings(env, execPath, connectTimeout, requestTimeout, idleTimeout, tries, connectTries,
                first, max, execTimeout, metricsPort, userAgent, clock);
    }

    /** @return these settings with another User-Agent */
    public ClusterSettings withUserAgent(String ua) {
        return new ClusterSettings(env, execPath, connectTimeout, requestTimeout, idleTimeout, attempts,
                connectAttempts, backoff, maxBackoff, execTimeout, metricsPort, ua, clock);
    }

    /** @return these settings with another clock */
    public ClusterSettings withClock(Clock c) {
        return new ClusterSettings(env, execPath, connectTimeout, requestTimeout, idleTimeout, attempts,
                connectAttempts, backoff, maxBackoff, execTimeout, metricsPort, userAgent, c);
    }

    /** @return these settings with another kube-proxy metrics port */
    public ClusterSettings withMetricsPort(int port) {
        return new ClusterSettings(env, execPath, connectTimeout, requestTimeout, idleTimeout, attempts,
                connectAttempts, backoff, maxBackoff, execTimeout, port, userAgent, clock);
    }
}
