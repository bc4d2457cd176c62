package dev.kpp.app.ui.connect;

import dev.kpp.importer.cluster.KubeContext;

import java.util.Locale;

/**
 * One kubeconfig context as the picker lists it (no credential: how the user authenticates, not with what).
 *
 * @param name      the context name
 * @param cluster   its cluster
 * @param user      its kubeconfig user
 * @param namespace its default namespace, "" when none
 * @param server    the cluster's server URL (no user info)
 * @param auth      how the user authenticates, in words
 * @param current   it is the kubeconfig's current-context
 * @param haystack  lower-case text the search box matches against
 */
public record ContextRow(String name, String cluster, String user, String namespace, String server, String auth,
                         boolean current, String haystack) {
    /** @return the row of a context, {@code auth} already worded */
    static ContextRow of(KubeContext c, String auth) {
        String hay = String.join("\n", c.name(), c.cluster(), c.user(), c.namespace(), c.server())
                .toLowerCase(Locale.ROOT);
        return new ContextRow(c.name(), c.cluster(), c.user(), c.namespace(), c.server(), auth, c.current(), hay);
    }

    /**
     * @param tokens lower-case search words
     * @return true when every word occurs in the name, cluster, user, namespace or server
     */
    boolean matches(String[] tokens) {
        for (String t : tokens) {
            if (!haystack.contains(t)) {
                return false;
            }
        }
        return true;
    }
}
