package dev.kpp.importer.cluster;

import dev.kpp.importer.spi.ImportProblem;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a kubeconfig context into a configured fabric8 HTTP client: the context's cluster (server,
 * CA, TLS server name, insecure-skip-tls-verify) and user (token, token file, client certificate,
 * exec plugin, OIDC), its proxy-url for http and https servers alike, bounded timeouts and no
 * fabric8-side retries (ours are visible in progress). Nothing else of the environment leaks in:
 * fabric8's own auto-configuration (KUBERNETES_* variables, service accounts) is not used.
 */
final class ClusterConnector {
    /** A connected context. */
    record Connection(String context, String server, String proxy, HttpClient http, KubeContext info)
            implements AutoCloseable {
        @Override
        public void close() {
            http.close();
        }
    }

    private ClusterConnector() {
    }

    static Connection connect(Kubeconfig kc, Optional<String> requested, ClusterSettings settings, Secrets secrets,
                              HttpClient.Factory factory) throws ClusterFailure {
        if (kc.files().isEmpty()) {
            throw new ClusterFailure(kc.problems().isEmpty() ? ImportProblem.error(ClusterProblems.KUBECONFIG_NOT_FOUND,
                    "", "", "no kubeconfig file") : kc.problems().get(0));
        }
        String files = String.join(java.io.File.pathSeparator, kc.files().stream().map(Path::toString).toList());
        String name = requested.filter(s -> !s.isBlank()).orElse(kc.currentContext());
        if (name.isEmpty()) {
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.NO_CURRENT_CONTEXT, files, "",
                    "no context was named and current-context is not set; known contexts: " + known(kc)));
        }
        NamedContext nctx = kc.namedContext(name);
        if (nctx == null) {
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.CONTEXT_NOT_FOUND, files, name,
                    "no context '" + name + "'; known contexts: " + known(kc)));
        }
        KubeContext info = kc.context(name).orElseThrow();
        NamedCluster ncl = kc.cluster(Kubeconfig.nz(nctx.getContext().getCluster()));
        if (ncl == null || ncl.getCluster().getServer() == null || ncl.getCluster().getServer().isBlank()) {
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.CONTEXT_INCOMPLETE, files, name,
                    ncl == null ? "context '" + name + "' names cluster '" + info.cluster() + "', which no file defines"
                            : "cluster '" + info.cluster() + "' has no server"));
        }
        Cluster cluster = ncl.getCluster();
        String server = Secrets.safeUrl(cluster.getServer());
        NamedAuthInfo nuser = kc.user(Kubeconfig.nz(nctx.getContext().getUser()));
        if (nuser == null && !info.user().isEmpty()) {
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.CONTEXT_INCOMPLETE, files, name,
                    "context '" + name + "' names user '" + info.user() + "', which no file defines"));
        }
        AuthInfo user = nuser == null ? null : nuser.getUser();
        Path userFile = info.file();
        remember(user, secrets);

        ExecCredentials.Credential execCredential = null;
        ExecCredentials exec = null;
        NamedAuthInfo mergedUser = nuser;
        if (user != null && user.getExec() != null && user.getExec().getCommand() != null) {
            exec = new ExecCredentials(user.getExec(), userFile, new ExecPath(settings.env(), settings.execPath()),
                    settings.env(), cluster, settings.execTimeout().toSeconds(), secrets, server);
            execCredential = exec.run();
            // fabric8 would run the plugin again with the process PATH: it gets the user without it
            mergedUser = new NamedAuthInfoBuilder(nuser).editUser().withExec(null).endUser().build();
            mergedUser.getAdditionalProperties().putAll(nuser.getAdditionalProperties());
        }
        io.fabric8.kubernetes.api.model.Config minimal = new io.fabric8.kubernetes.api.model.ConfigBuilder()
                .withClusters(ncl).withContexts(nctx).withCurrentContext(name)
                .withUsers(mergedUser == null ? List.of() : List.of(mergedUser)).build();
        Config config = Config.empty();
        try {
            KubeConfigUtils.merge(config, name, minimal);
        } catch (RuntimeException e) {
            throw new ClusterFailure(ImportProblem.error(ClusterProblems.CREDENTIALS_UNREADABLE, server, name,
                    secrets.scrub(rootMessage(e))));
        }
        if (user != null && user.getTokenFile() != null && !user.getTokenFile().isBlank()
                && (user.getToken() == null || user.getToken().isBlank())) {
            Path tf = Path.of(user.getTokenFile());
            if (!tf.isAbsolute() && userFile != null && userFile.toAbsolutePath().getParent() != null) {
                tf = userFile.toAbsolutePath().getParent().resolve(tf);
            }
            try {
                String token = Files.readString(tf, StandardCharsets.UTF_8).strip();
                secrets.remember(token);
                config.setAutoOAuthToken(token);
            } catch (IOException e) {
                throw new ClusterFailure(ImportProblem.error(ClusterProblems.CREDENTIALS_UNREADABLE, server, name,
                        "tokenFile " + tf + " cannot be read: " + e.getClass().getSimpleName()));
            }
        }
        if (execCredential != null) {
            if (!execCredential.token().isEmpty()) {
                config.setOauthTokenProvider(new ExecTokenProvider(exec, execCredential, settings));
            } else {
                config.setClientCertData(execCredential.clientCertificateData());
                config.setClientKeyData(execCredential.clientKeyData());
                config.setClientKeyAlgo(Config.getKeyAlgorithm(null, execCredential.clientKeyData()));
            }
        }
        String proxy = proxy(cluster, server, settings.env(), config);
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        config.setRequestRetryBackoffLimit(0);
        config.setMaxConcurrentRequests(32);
        config.setMaxConcurrentRequestsPerHost(16);
        config.setUserAgent(settings.userAgent());
        HttpClient http;
        try {
            http = (factory != null ? factory : HttpClientUtils.getHttpClientFactory()).newBuilder(config).build();
        } catch (RuntimeException e) {
            String why = secrets.scrub(rootMessage(e));
            boolean tls = why.toLowerCase(java.util.Locale.ROOT).contains("certificate");
            throw new ClusterFailure(ImportProblem.error(tls ? ClusterProblems.CREDENTIALS_UNREADABLE
                    : ClusterProblems.BAD_RESPONSE, server, name, "cannot set up the connection: " + why));
        }
        return new Connection(name, config.getMasterUrl(), proxy, http, info);
    }

    /**
     * Applies the proxy: the cluster's proxy-url for every scheme (fabric8 7.8.0 sets an http:// proxy-url
     * only as the HTTP proxy and then ignores it for an https:// server), else HTTPS_PROXY / HTTP_PROXY /
     * NO_PROXY from the environment as kubectl reads them.
     *
     * @return the proxy in use, "" when direct
     */
    static String proxy(Cluster cluster, String server, Map<String, String> env, Config config) {
        String proxyUrl = cluster.getProxyUrl();
        if (proxyUrl != null && !proxyUrl.isBlank()) {
            config.setHttpProxy(proxyUrl);
            config.setHttpsProxy(proxyUrl);
            config.setNoProxy(new String[0]);
            return proxyUrl;
        }
        boolean https = server.toLowerCase(java.util.Locale.ROOT).startsWith("https://");
        String p = https ? env(env, "HTTPS_PROXY") : env(env, "HTTP_PROXY");
        config.setHttpProxy(null);
        config.setHttpsProxy(null);
        if (p.isEmpty()) {
            return "";
        }
        String noProxy = env(env, "NO_PROXY");
        String host;
        try {
            host = new java.net.URI(server).getHost();
        } catch (java.net.URISyntaxException e) {
            host = "";
        }
        for (String n : noProxy.split(",")) {
            String np = n.strip();
            if (np.isEmpty()) {
                continue;
            }
            if (np.equals("*") || host.equals(np) || (np.startsWith(".") ? host.endsWith(np) : host.endsWith("." + np))) {
                return "";
            }
        }
        if (https) {
            config.setHttpsProxy(p);
        } else {
            config.setHttpProxy(p);
        }
        return p;
    }

    private static String env(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            v = env.get(name.toLowerCase(java.util.Locale.ROOT));
        }
        return v == null ? "" : v.strip();
    }

    private static void remember(AuthInfo user, Secrets secrets) {
        if (user == null) {
            return;
        }
        secrets.remember(user.getToken());
        secrets.remember(user.getPassword());
        secrets.remember(user.getClientKeyData());
        if (user.getAuthProvider() != null && user.getAuthProvider().getConfig() != null) {
            for (Map.Entry<String, String> e : user.getAuthProvider().getConfig().entrySet()) {
                String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
                if (k.contains("token") || k.contains("secret")) {
                    secrets.remember(e.getValue());
                }
            }
        }
    }

    private static String known(Kubeconfig kc) {
        List<String> names = kc.contexts().stream().map(KubeContext::name).toList();
        if (names.isEmpty()) {
            return "(none)";
        }
        return names.size() <= 20 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String msg = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                msg = t.getMessage();
            }
        }
        return Kubeconfig.firstLine(msg == null ? e.getClass().getSimpleName() : msg);
    }

    /** Re-runs the exec plugin when its credential expires. */
    private static final class ExecTokenProvider implements io.fabric8.kubernetes.client.OAuthTokenProvider {
        private final ExecCredentials exec;
        private final ClusterSettings settings;
        private ExecCredentials.Credential current;

        ExecTokenProvider(ExecCredentials exec, ExecCredentials.Credential first, ClusterSettings settings) {
            this.exec = exec;
            this.current = first;
            this.settings = settings;
        }

        @Override
        public synchronized String getToken() {
            Instant now = settings.clock().instant();
            if (current.expired(now)) {
                try {
                    current = exec.run();
                } catch (ClusterFailure e) {
                    // the old token is sent; the server's 401 is then reported
                }
            }
            return current.token();
        }
    }
}
