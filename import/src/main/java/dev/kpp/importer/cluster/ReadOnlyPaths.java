package dev.kpp.importer.cluster;

import java.util.Locale;

/**
 * The guard on every path the live import requests: only reads of the kinds kpp uses. Secrets,
 * watches and anything with a verb in its path are refused before a request exists, so a bug
 * elsewhere cannot turn the import into a write or a Secret read.
 */
final class ReadOnlyPaths {
    private ReadOnlyPaths() {
    }

    /** @throws IllegalStateException when the path is not one the import may read */
    static void check(String pathAndQuery) {
        String p = pathAndQuery.toLowerCase(Locale.ROOT);
        int q = p.indexOf('?');
        String path = q >= 0 ? p.substring(0, q) : p;
        String query = q >= 0 ? p.substring(q + 1) : "";
        if (path.contains("/secrets") || path.contains("/serviceaccounts") || path.contains("/token")
                || path.contains("/exec") || path.contains("/attach") || path.contains("/portforward")
                || path.contains("/eviction") || path.contains("..")) {
            throw new IllegalStateException("refused to request " + path + ": not a read of a kind kpp uses");
        }
        for (String param : query.split("&")) {
            if (param.startsWith("watch=") || param.startsWith("dryrun=") || param.startsWith("fieldmanager=")) {
                throw new IllegalStateException("refused to request " + path + " with " + param);
            }
        }
        boolean proxy = path.contains("/proxy/");
        if (proxy && !(path.startsWith("/api/v1/nodes/") && path.endsWith("/proxy/metrics"))) {
            throw new IllegalStateException("refused to proxy " + path + ": only kube-proxy /metrics is read");
        }
        if (!(path.equals("/version") || path.startsWith("/api/v1/") || path.startsWith("/apis/"))) {
            throw new IllegalStateException("refused to request " + path);
        }
    }

    /** @return the path without its continue token (tokens are opaque and long; messages do not need them) */
    static String withoutContinue(String pathAndQuery) {
        return pathAndQuery.replaceAll("&continue=[^&]*", "");
    }
}
