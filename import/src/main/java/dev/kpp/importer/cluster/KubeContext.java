package dev.kpp.importer.cluster;

import java.nio.file.Path;

/**
 * One context of the merged kubeconfig, as {@code kubectl config get-contexts} shows it, plus what a
 * context picker needs to say before connecting. Holds no credential: only how the user
 * authenticates and, for exec plugins, the plugin's command name.
 *
 * @param name        the context name
 * @param cluster     the cluster it points at
 * @param user        the kubeconfig user (auth info) it uses
 * @param namespace   its default namespace, "" when none
 * @param server      the cluster's server URL (no user info), "" when the cluster is not defined
 * @param current     it is the kubeconfig's current-context
 * @param auth        how the user authenticates
 * @param execCommand the exec plugin's command as written in the kubeconfig, "" when not an exec user
 * @param proxyUrl    the cluster's proxy-url without user info, "" when none
 * @param insecure    the cluster says insecure-skip-tls-verify
 * @param file        the file that defines the context
 */
public record KubeContext(String name, String cluster, String user, String namespace, String server, boolean current,
                          AuthKind auth, String execCommand, String proxyUrl, boolean insecure, Path file) {
    /** How a kubeconfig user authenticates. */
    public enum AuthKind {
        /** A bearer token in the kubeconfig. */
        TOKEN,
        /** A bearer token read from a file ({@code tokenFile}). */
        TOKEN_FILE,
        /** A client certificate and key. */
        CLIENT_CERTIFICATE,
        /** An exec credential plugin (aws, gke-gcloud-auth-plugin, kubelogin...). */
        EXEC,
        /** The OIDC auth provider (id-token and refresh-token). */
        OIDC,
        /** Another (deprecated) auth provider, e.g. gcp or azure with a cached access token. */
        AUTH_PROVIDER,
        /** User name and password. */
        BASIC,
        /** Nothing: anonymous requests. */
        NONE,
        /** The user is not defined in any file. */
        UNDEFINED
    }
}
