package dev.kpp.importer.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import dev.kpp.importer.spi.ImportProblem;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged kubeconfig, as kubectl merges it: the files of {@code $KUBECONFIG} (a list separated
 * by the platform's path separator; missing files are skipped), else {@code ~/.kube/config}, or one
 * explicit file. For clusters, users and contexts the first file that defines a name wins; the
 * current-context is the first one set. Immutable; reading it never contacts a cluster.
 */
public final class Kubeconfig {
    private final List<Path> files;
    private final List<io.fabric8.kubernetes.api.model.Config> parsed;
    private final Map<String, NamedContext> contexts;
    private final Map<String, NamedCluster> clusters;
    private final Map<String, NamedAuthInfo> users;
    private final Map<String, Path> contextFiles;
    private final String currentContext;
    private final List<ImportProblem> problems;

    private Kubeconfig(List<Path> files, List<io.fabric8.kubernetes.api.model.Config> parsed,
                       List<ImportProblem> problems) {
        this.files = List.copyOf(files);
        this.parsed = List.copyOf(parsed);
        this.problems = List.copyOf(problems);
        Map<String, NamedContext> ctx = new LinkedHashMap<>();
        Map<String, NamedCluster> cl = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> us = new LinkedHashMap<>();
        Map<String, Path> ctxFiles = new LinkedHashMap<>();
        String current = "";
        for (int i = 0; i < parsed.size(); i++) {
            io.fabric8.kubernetes.api.model.Config c = parsed.get(i);
            Path file = this.files.get(i);
            for (NamedContext n : nonNull(c.getContexts())) {
                if (n.getName() != null && n.getContext() != null && !ctx.containsKey(n.getName())) {
                    ctx.put(n.getName(), n);
                    ctxFiles.put(n.getName(), file);
                }
            }
            for (NamedCluster n : nonNull(c.getClusters())) {
                if (n.getName() != null && n.getCluster() != null) {
                    cl.putIfAbsent(n.getName(), n);
                }
            }
            for (NamedAuthInfo n : nonNull(c.getUsers())) {
                if (n.getName() != null && n.getUser() != null) {
                    us.putIfAbsent(n.getName(), n);
                }
            }
            if (current.isEmpty() && c.getCurrentContext() != null) {
                current = c.getCurrentContext();
            }
        }
        this.contexts = Collections.unmodifiableMap(ctx);
        this.clusters = Collections.unmodifiableMap(cl);
        this.users = Collections.unmodifiableMap(us);
        this.contextFiles = Collections.unmodifiableMap(ctxFiles);
        this.currentContext = current;
    }

    /**
     * Loads the kubeconfig files of the environment.
     *
     * @param explicit a file given by the user ({@code --kubeconfig}); it must exist
     * @param env      the environment ({@code KUBECONFIG}, {@code HOME}); tests pass their own
     * @return the merged kubeconfig; problems say which files could not be used
     */
    public static Kubeconfig load(Optional<Path> explicit, Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        boolean fromList = false;
        if (explicit.isPresent()) {
            candidates.add(explicit.get());
        } else {
            String list = env.getOrDefault("KUBECONFIG", "");
            if (!list.isBlank()) {
                fromList = true;
                for (String part : list.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                    if (!part.isBlank()) {
                        candidates.add(Path.of(part.strip()));
                    }
                }
            } else {
                candidates.add(home(env).resolve(".kube").resolve("config"));
            }
        }
        List<Path> files = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                if (explicit.isPresent()) {
                    problems.add(ImportProblem.error(ClusterProblems.KUBECONFIG_NOT_FOUND, p.toString(), "",
                            Files.exists(p) ? "not a regular file" : "no such file"));
                }
                continue; // kubectl skips missing files of $KUBECONFIG
            }
            try {
                parsed.add(parse(p));
                files.add(p);
            } catch (java.io.IOException | RuntimeException e) {
                problems.add(ImportProblem.error(ClusterProblems.KUBECONFIG_UNREADABLE, p.toString(), "",
                        ClusterConnector.rootMessage(e)));
            }
        }
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.error(ClusterProblems.KUBECONFIG_NOT_FOUND, String.join(File.pathSeparator,
                    candidates.stream().map(Path::toString).toList()), "", fromList
                    ? "none of the files in $KUBECONFIG exists" : "no kubeconfig file; set $KUBECONFIG or pass --kubeconfig"));
        }
        return new Kubeconfig(files, parsed, problems);
    }

    /**
     * Parses one file with a plain YAML mapper into fabric8's kubeconfig model (fabric8's own
     * deserializer registers every Kubernetes model class first, which costs seconds at start-up),
     * and makes the file paths in it absolute, relative to the file, as kubectl resolves them.
     */
    static io.fabric8.kubernetes.api.model.Config parse(Path file) throws java.io.IOException {
        io.fabric8.kubernetes.api.model.Config c = MAPPER.readValue(Files.readAllBytes(file),
                io.fabric8.kubernetes.api.model.Config.class);
        if (c == null) {
            c = new io.fabric8.kubernetes.api.model.Config();
        }
        Path dir = file.toAbsolutePath().getParent();
        for (NamedCluster n : nonNull(c.getClusters())) {
            if (n.getCluster() != null) {
                n.getCluster().setCertificateAuthority(absolute(dir, n.getCluster().getCertificateAuthority()));
            }
        }
        for (NamedAuthInfo n : nonNull(c.getUsers())) {
            AuthInfo u = n.getUser();
            if (u != null) {
                u.setClientCertificate(absolute(dir, u.getClientCertificate()));
                u.setClientKey(absolute(dir, u.getClientKey()));
                u.setTokenFile(absolute(dir, u.getTokenFile()));
            }
        }
        return c;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = dev.kpp.importer.codec.Parsers.YAML.copy()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static String absolute(Path dir, String f) {
        if (f == null || f.isBlank() || dir == null) {
            return f;
        }
        Path p = Path.of(f);
        return p.isAbsolute() ? f : dir.resolve(p).normalize().toString();
    }

    private static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = env.getOrDefault("USERPROFILE", System.getProperty("user.home"));
        }
        return Path.of(home);
    }

    /** @return the files that were read, in merge order */
    public List<Path> files() {
        return files;
    }

    /** @return problems with the files (missing explicit file, unparsable file) */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** @return the current-context, "" when none is set */
    public String currentContext() {
        return currentContext;
    }

    /** @return every context, in the order the files define them */
    public List<KubeContext> contexts() {
        List<KubeContext> out = new ArrayList<>();
        for (String name : contexts.keySet()) {
            out.add(describe(name));
        }
        return out;
    }

    /** @return the context with this name, or empty */
    public Optional<KubeContext> context(String name) {
        return contexts.containsKey(name) ? Optional.of(describe(name)) : Optional.empty();
    }

    List<io.fabric8.kubernetes.api.model.Config> parsed() {
        return parsed;
    }

    NamedCluster cluster(String name) {
        return clusters.get(name);
    }

    NamedAuthInfo user(String name) {
        return users.get(name);
    }

    NamedContext namedContext(String name) {
        return contexts.get(name);
    }

    private KubeContext describe(String name) {
        Context c = contexts.get(name).getContext();
        String clusterName = nz(c.getCluster());
        String userName = nz(c.getUser());
        NamedCluster nc = clusters.get(clusterName);
        Cluster cluster = nc == null ? null : nc.getCluster();
        NamedAuthInfo nu = users.get(userName);
        AuthInfo user = nu == null ? null : nu.getUser();
        return new KubeContext(name, clusterName, userName, nz(c.getNamespace()),
                cluster == null ? "" : Secrets.safeUrl(nz(cluster.getServer())), name.equals(currentContext),
                authKind(user), user != null && user.getExec() != null ? nz(user.getExec().getCommand()) : "",
                cluster == null ? "" : Secrets.safeUrl(nz(cluster.getProxyUrl())),
                cluster != null && Boolean.TRUE.equals(cluster.getInsecureSkipTlsVerify()), contextFiles.get(name));
    }

    static KubeContext.AuthKind authKind(AuthInfo u) {
        if (u == null) {
            return KubeContext.AuthKind.UNDEFINED;
        }
        if (u.getExec() != null && u.getExec().getCommand() != null) {
            return KubeContext.AuthKind.EXEC;
        }
        if (u.getAuthProvider() != null) {
            return "oidc".equalsIgnoreCase(u.getAuthProvider().getName()) ? KubeContext.AuthKind.OIDC
                    : KubeContext.AuthKind.AUTH_PROVIDER;
        }
        if (u.getToken() != null && !u.getToken().isEmpty()) {
            return KubeContext.AuthKind.TOKEN;
        }
        if (u.getTokenFile() != null && !u.getTokenFile().isEmpty()) {
            return KubeContext.AuthKind.TOKEN_FILE;
        }
        if (u.getClientCertificate() != null || u.getClientCertificateData() != null) {
            return KubeContext.AuthKind.CLIENT_CERTIFICATE;
        }
        if (u.getUsername() != null && u.getPassword() != null) {
            return KubeContext.AuthKind.BASIC;
        }
        return KubeContext.AuthKind.NONE;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }
}
