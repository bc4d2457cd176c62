package dev.kpp.importer.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a live import came from: the kubeconfig context, the API server and what was listed per
 * kind. Never holds credentials: the server is a URL without user info, and nothing of the
 * kubeconfig user is kept but its name.
 *
 * @param context       the kubeconfig context that was used
 * @param server        the API server URL (scheme, host, port, path; no user info or query)
 * @param serverVersion the server's {@code gitVersion} from {@code /version}, "" when unknown
 * @param startedAt     when the import started
 * @param elapsed       how long it took
 * @param kinds         one outcome per kind, in a fixed order
 */
public record ClusterSource(String context, String server, String serverVersion, Instant startedAt, Duration elapsed,
                            List<KindOutcome> kinds) {
    public ClusterSource {
        context = context == null ? "" : context;
        server = server == null ? "" : server;
        serverVersion = serverVersion == null ? "" : serverVersion;
        startedAt = startedAt == null ? Instant.EPOCH : startedAt;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        kinds = List.copyOf(kinds == null ? List.of() : kinds);
    }

    /** How listing one kind ended. */
    public enum Status {
        /** Every page was read. */
        COMPLETE,
        /** The user may not list it (403): the import carried on without it. */
        FORBIDDEN,
        /** The API does not exist on this server (404) and no fallback applied. */
        NOT_FOUND,
        /** It failed after the bounded retries: the inventory lacks it. */
        FAILED,
        /** The import was cancelled before it completed. */
        CANCELLED
    }

    /**
     * One kind's listing.
     *
     * @param kind     the Kubernetes kind, e.g. {@code EndpointSlice}
     * @param path     the API path that was listed last, e.g. {@code /apis/discovery.k8s.io/v1/endpointslices}
     * @param status   how it ended
     * @param objects  objects read
     * @param pages    pages read
     * @param bytes    response bytes read
     * @param restarts restarts of the whole list after an expired continue token (410)
     * @param retries  requests repeated after 429, 5xx, timeouts or dropped connections
     */
    public record KindOutcome(String kind, String path, Status status, long objects, int pages, long bytes,
                              int restarts, int retries) {
        public KindOutcome {
            kind = kind == null ? "" : kind;
            path = path == null ? "" : path;
            if (status == null) {
                throw new IllegalArgumentException("status is required");
            }
        }
    }

    /** @return the kinds the user may not list */
    public List<String> forbiddenKinds() {
        return kinds.stream().filter(k -> k.status() == Status.FORBIDDEN).map(KindOutcome::kind).toList();
    }

    /** @return the kinds that failed or were cancelled: the inventory lacks (part of) them */
    public List<String> incompleteKinds() {
        return kinds.stream().filter(k -> k.status() == Status.FAILED || k.status() == Status.CANCELLED)
                .map(KindOutcome::kind).toList();
    }

    /** @return the outcome of a kind, or null */
    public KindOutcome kind(String kind) {
        return kinds.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(null);
    }
}
