package dev.kpp.importer.cluster;

/**
 * Problem codes of live imports ({@link dev.kpp.importer.spi.ImportProblem#code()}). Each problem's
 * {@code source} is the API server URL (or the kubeconfig file for kubeconfig problems), its
 * {@code location} the API path or the context, and its {@code detail} the technical cause in
 * English; the app renders the code through its message bundle ({@code import.problem.<code>}).
 * Details never contain credentials.
 */
public final class ClusterProblems {
    /** Error: no kubeconfig file exists ($KUBECONFIG, ~/.kube/config or --kubeconfig). */
    public static final String KUBECONFIG_NOT_FOUND = "kubeconfig-not-found";
    /** Error: a kubeconfig file cannot be read or parsed. */
    public static final String KUBECONFIG_UNREADABLE = "kubeconfig-unreadable";
    /** Error: the context does not exist (the detail lists the known contexts). */
    public static final String CONTEXT_NOT_FOUND = "context-not-found";
    /** Error: no context was named and the kubeconfig has no current-context. */
    public static final String NO_CURRENT_CONTEXT = "no-current-context";
    /** Error: the context names a cluster or user that no file defines, or a cluster without a server. */
    public static final String CONTEXT_INCOMPLETE = "context-incomplete";
    /** Error: a user's exec credential plugin is not on the searched PATH. */
    public static final String EXEC_PLUGIN_NOT_FOUND = "exec-plugin-not-found";
    /** Error: a user's exec credential plugin failed, timed out or printed no credential. */
    public static final String EXEC_PLUGIN_FAILED = "exec-plugin-failed";
    /** Error: a credential file (token file, client certificate) cannot be read or used. */
    public static final String CREDENTIALS_UNREADABLE = "credentials-unreadable";
    /** Error: the API server cannot be reached (DNS, refused, no route, proxy). */
    public static final String UNREACHABLE = "cluster-unreachable";
    /** Error: the TLS handshake failed (untrusted or mismatched certificate, client certificate refused). */
    public static final String TLS_FAILURE = "cluster-tls-failure";
    /** Error: the server rejected the credentials (401). */
    public static final String UNAUTHORIZED = "cluster-unauthorized";
    /** Warning: the user may not list a kind (403); the import carries on without it. */
    public static final String FORBIDDEN = "cluster-forbidden";
    /** Warning: an API is not served (404); for EndpointSlices the import falls back to core/v1 Endpoints. */
    public static final String API_MISSING = "cluster-api-missing";
    /** Warning: the kube-system/kube-proxy ConfigMap does not exist; kube-proxy's defaults apply. */
    public static final String KUBE_PROXY_CONFIG_MISSING = "kube-proxy-configmap-missing";
    /** Error: the server answered 429 or 5xx until the retries ran out. */
    public static final String SERVER_ERROR = "cluster-server-error";
    /** Error: requests timed out (no answer, or a stalled response) until the retries ran out. */
    public static final String TIMEOUT = "cluster-timeout";
    /** Error: the connection dropped in the middle of responses until the retries ran out. */
    public static final String CONNECTION_LOST = "cluster-connection-lost";
    /** Warning: a continue token expired (410) and the kind was listed again from the start. */
    public static final String LIST_RESTARTED = "cluster-list-restarted";
    /** Error: the continue token expired again after the restart. */
    public static final String LIST_EXPIRED = "cluster-list-expired";
    /** Error: the server answered something that is not a Kubernetes list, or an unexpected status. */
    public static final String BAD_RESPONSE = "cluster-bad-response";
    /** Warning: kube-proxy's /metrics could not be scraped from a node through the API server. */
    public static final String METRICS_UNAVAILABLE = "metrics-unavailable";

    private ClusterProblems() {
    }
}
