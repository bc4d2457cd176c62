package dev.kpp.importer.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.file.InventoryCollector;
import dev.kpp.importer.metrics.PrometheusTextParser;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportCancelledException;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.NodeInfo;
import io.fabric8.kubernetes.client.http.HttpClient;

import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports a live cluster through a kubeconfig context, read-only: Namespaces, Nodes, Services,
 * EndpointSlices (or core/v1 Endpoints on clusters without the EndpointSlice API), NetworkPolicies
 * and the kube-system/kube-proxy ConfigMap, each kind listed page by page on its own thread and
 * streamed into the same {@link InventoryCollector} the file import uses, so the inventory and the
 * snapshot are the same as for a {@code kubectl get -o json} dump of the same objects. Optionally
 * scrapes kube-proxy's {@code /metrics} from N nodes through the API server's node proxy.
 *
 * <p>Progress and problems are reported from the calling thread. Cancelling stops every kind within
 * one page; the result then holds nothing unless {@link ImportRequest.Cluster#keepPartial()} asked for
 * what was read. Never throws for bad input or an unusable cluster: every problem is in the result.
 */
public final class ClusterImporter implements InventoryImporter {
    /** Kinds in the order they are reported and assembled. */
    static final List<String> KINDS = List.of("Namespace", "Node", "Service", "EndpointSlice", "NetworkPolicy",
            "ConfigMap");
    private static final String KUBE_PROXY_CONFIGMAP = "/api/v1/namespaces/kube-system/configmaps/kube-proxy";

    private final ClusterSettings settings;
    private final HttpClient.Factory factory;

    /** Uses {@link ClusterSettings#defaults()} and fabric8's default HTTP client. */
    public ClusterImporter() {
        this(ClusterSettings.defaults());
    }

    /** @param settings environment, limits and retries */
    public ClusterImporter(ClusterSettings settings) {
        this(settings, null);
    }

    /**
     * @param settings environment, limits and retries
     * @param factory  the fabric8 HTTP client factory, or null for the one on the class path
     */
    public ClusterImporter(ClusterSettings settings, HttpClient.Factory factory) {
        this.settings = settings;
        this.factory = factory;
    }

    /** @return the settings */
    public ClusterSettings settings() {
        return settings;
    }

    /**
     * Reads the kubeconfig of this importer's environment (for a context picker).
     *
     * @param kubeconfig an explicit file, or empty for $KUBECONFIG / ~/.kube/config
     * @return the merged kubeconfig; never contacts a cluster
     */
    public Kubeconfig kubeconfig(Optional<java.nio.file.Path> kubeconfig) {
        return Kubeconfig.load(kubeconfig, settings.env());
    }

    @Override
    public boolean supports(ImportRequest request) {
        return request instanceof ImportRequest.Cluster;
    }

    @Override
    public ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel) {
        if (!(request instanceof ImportRequest.Cluster req)) {
            throw new IllegalArgumentException("the cluster importer reads kubeconfig contexts, not "
                    + request.describe());
        }
        Instant started = settings.clock().instant();
        long t0 = System.nanoTime();
        Secrets secrets = new Secrets();
        Kubeconfig kc = Kubeconfig.load(req.kubeconfig(), settings.env());
        String contextName = req.context().orElse(kc.currentContext());
        ClusterConnector.Connection conn;
        try {
            conn = ClusterConnector.connect(kc, req.context(), settings, secrets, factory);
        } catch (ClusterFailure f) {
            return failed(contextName, "", started, t0, List.of(f.problem()));
        }
        try (conn; IdleWatchdog watchdog = new IdleWatchdog(settings.idleTimeout())) {
            return run(req, conn, watchdog, secrets, started, t0, progress, cancel);
        }
    }

    private ImportResult run(ImportRequest.Cluster req, ClusterConnector.Connection conn, IdleWatchdog watchdog,
                             Secrets secrets, Instant started, long t0, ProgressListener progress,
                             Cancellation cancel) {
        AtomicBoolean stop = new AtomicBoolean();
        Cancellation workerCancel = () -> stop.get();
        ReadOnlyApi api = new ReadOnlyApi(conn.http(), conn.server(), conn.proxy(), settings, secrets, stop::get,
                watchdog);
        String server = api.server();
        progress.progress(0, -1, ProgressListener.CONNECTING, server);
        List<ImportProblem> problems = new ArrayList<>();
        String version;
        try {
            version = api.get("/version", "application/json", body -> {
                JsonNode n = Parsers.JSON_TREE.readTree(body);
                return n == null ? "" : n.path("gitVersion").asText("");
            }, settings.connectAttempts(), ReadOnlyApi.RetryObserver.NONE);
        } catch (ReadOnlyApi.StatusException e) {
            if (e.code == 401) {
                return failed(conn.context(), server, started, t0, List.of(ImportProblem.error(
                        ClusterProblems.UNAUTHORIZED, server, "/version", "the server rejected the credentials (401)"
                                + (e.message.isEmpty() ? "" : ": " + e.message))));
            }
            version = ""; // /version forbidden or missing: the lists will tell
        } catch (ClusterFailure f) {
            return failed(conn.context(), server, started, t0, List.of(f.problem()));
        } catch (ImportCancelledException e) {
            return cancelled(req, conn.context(), server, "", started, t0, new LinkedHashMap<>(), problems,
                    List.of());
        }

        LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(KINDS.size(), r -> {
            Thread t = new Thread(r, "kpp-cluster-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, Future<KindLister.Result>> futures = new LinkedHashMap<>();
        try {
            for (String kind : KINDS) {
                futures.put(kind, pool.submit(() -> {
                    try {
                        return list(kind, api, req.pageSize(), workerCancel, events::add);
                    } catch (UnauthorizedFailure u) {
                        stop.set(true); // the credentials do not work: the other kinds stop too
                        watchdog.abortAll();
                        throw u;
                    } finally {
                        events.add(kind); // a finished marker
                    }
                }));
            }
            Map<String, KindProgress> state = new LinkedHashMap<>();
            int finished = 0;
            boolean userCancelled = false;
            ImportProblem fatal = null;
            while (finished < KINDS.size()) {
                Object e;
                try {
                    e = events.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e = null;
                    userCancelled = true;
                }
                if (!userCancelled && cancel.isCancelled()) {
                    userCancelled = true;
                }
                if (userCancelled && !stop.get()) {
                    stop.set(true);
                    watchdog.abortAll();
                }
                if (e instanceof KindProgress kp) {
                    state.put(kp.kind(), kp);
                    report(kp, state, progress);
                } else if (e instanceof String) {
                    finished++;
                }
            }
            Map<String, KindLister.Result> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<KindLister.Result>> f : futures.entrySet()) {
                try {
                    results.put(f.getKey(), f.getValue().get());
                } catch (java.util.concurrent.ExecutionException ex) {
                    Throwable c = ex.getCause();
                    if (c instanceof UnauthorizedFailure u) {
                        fatal = fatal == null ? u.problem : fatal;
                    } else if (!(c instanceof ImportCancelledException)) {
                        problems.add(ImportProblem.error(ClusterProblems.BAD_RESPONSE, server, f.getKey(),
                                secrets.scrub(c.getClass().getSimpleName() + ": " + c.getMessage())));
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fatal != null) {
                return failed(conn.context(), server, started, t0, List.of(fatal));
            }
            List<ObservedMetrics> metrics = new ArrayList<>();
            if (!userCancelled && req.metricsNodes() > 0) {
                KindLister.Result nodes = results.get("Node");
                if (nodes != null && nodes.collector != null) {
                    scrape(api, nodes.collector, req.metricsNodes(), workerCancel, progress, metrics, problems,
                            () -> cancel.isCancelled());
                    userCancelled = cancel.isCancelled();
                }
            }
            if (userCancelled) {
                return cancelled(req, conn.context(), server, version, started, t0, results, problems, metrics);
            }
            return assemble(conn.context(), server, version, started, t0, results, problems, metrics, false);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private static void report(KindProgress kp, Map<String, KindProgress> state, ProgressListener progress) {
        progress.kind(kp);
        long done = 0;
        long total = 0;
        boolean known = true;
        long services = 0;
        long slices = 0;
        long nodes = 0;
        for (String k : KINDS) {
            KindProgress s = state.get(k);
            if (s == null) {
                known = false;
                continue;
            }
            done += s.objects();
            if (s.finished()) {
                total += s.objects();
            } else if (s.expected() >= 0) {
                total += s.expected();
            } else {
                known = false;
            }
            switch (k) {
                case "Service" -> services = s.objects();
                case "EndpointSlice" -> slices = s.objects();
                case "Node" -> nodes = s.objects();
                default -> {
                }
            }
        }
        progress.progress(done, known ? Math.max(total, done) : -1, ProgressListener.LISTING, kp.kind());
        progress.counts(services, slices, nodes);
    }

    /** The APIs that serve each kind, in fallback order. */
    static List<KindLister.Api> chain(String kind) {
        return switch (kind) {
            case "Namespace" -> List.of(new KindLister.Api("Namespace", "v1", "/api/v1/namespaces"));
            case "Node" -> List.of(new KindLister.Api("Node", "v1", "/api/v1/nodes"));
            case "Service" -> List.of(new KindLister.Api("Service", "v1", "/api/v1/services"));
            case "EndpointSlice" -> List.of(
                    new KindLister.Api("EndpointSlice", "discovery.k8s.io/v1", "/apis/discovery.k8s.io/v1/endpointslices"),
                    new KindLister.Api("EndpointSlice", "discovery.k8s.io/v1beta1",
                            "/apis/discovery.k8s.io/v1beta1/endpointslices"),
                    new KindLister.Api("Endpoints", "v1", "/api/v1/endpoints"));
            case "NetworkPolicy" -> List.of(new KindLister.Api("NetworkPolicy", "networking.k8s.io/v1",
                    "/apis/networking.k8s.io/v1/networkpolicies"));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private KindLister.Result list(String kind, ReadOnlyApi api, int pageSize, Cancellation cancel,
                                   java.util.function.Consumer<KindProgress> events) throws UnauthorizedFailure {
        if (kind.equals("ConfigMap")) {
            return kubeProxyConfig(api, cancel, events);
        }
        try {
            return new KindLister(kind, chain(kind), api, pageSize, cancel, events).run();
        } catch (ClusterFailure f) {
            throw new UnauthorizedFailure(f.problem());
        }
    }

    /** The kube-system/kube-proxy ConfigMap: one GET (its absence is normal on kube-proxy-free clusters). */
    private KindLister.Result kubeProxyConfig(ReadOnlyApi api, Cancellation cancel,
                                              java.util.function.Consumer<KindProgress> events)
            throws UnauthorizedFailure {
        KindLister.Result r = new KindLister.Result("ConfigMap");
        long[] bytes = {0};
        ClusterSource.Status status;
        KindProgress.Phase phase;
        long objects = 0;
        int[] retries = {0};
        try {
            JsonNode cm = api.get(KUBE_PROXY_CONFIGMAP, "application/json", body -> {
                JsonNode n = Parsers.JSON_TREE.readTree(body);
                bytes[0] = body instanceof IdleWatchdog.Watched w ? w.bytes() : 0;
                return n;
            }, Integer.MAX_VALUE, (attempt, reason) -> retries[0]++);
            if (cm != null && cm.isObject()) {
                com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) cm;
                if (!o.hasNonNull("kind")) {
                    o.put("kind", "ConfigMap");
                    o.put("apiVersion", "v1");
                }
            }
            r.collector.accept(cm, api.server() + KUBE_PROXY_CONFIGMAP, "", "$");
            objects = r.collector.hasKubeProxyConfig() ? 1 : 0;
            status = ClusterSource.Status.COMPLETE;
            phase = KindProgress.Phase.DONE;
        } catch (ReadOnlyApi.StatusException e) {
            if (e.code == 401) {
                throw new UnauthorizedFailure(ImportProblem.error(ClusterProblems.UNAUTHORIZED, api.server(),
                        KUBE_PROXY_CONFIGMAP, "the server rejected the credentials (401)"));
            }
            if (e.code == 404) {
                r.problems.add(ImportProblem.warning(ClusterProblems.KUBE_PROXY_CONFIG_MISSING, api.server(),
                        KUBE_PROXY_CONFIGMAP, "no kube-system/kube-proxy ConfigMap; kube-proxy's defaults are assumed"));
                status = ClusterSource.Status.NOT_FOUND;
                phase = KindProgress.Phase.NOT_FOUND;
            } else if (e.code == 403) {
                r.problems.add(ImportProblem.warning(ClusterProblems.FORBIDDEN, api.server(), KUBE_PROXY_CONFIGMAP,
                        "ConfigMap: " + (e.message.isEmpty() ? "forbidden (403)" : e.message)));
                status = ClusterSource.Status.FORBIDDEN;
                phase = KindProgress.Phase.FORBIDDEN;
            } else {
                r.problems.add(ImportProblem.error(ClusterProblems.BAD_RESPONSE, api.server(), KUBE_PROXY_CONFIGMAP,
                        "ConfigMap: HTTP " + e.code + (e.message.isEmpty() ? "" : ": " + e.message)));
                status = ClusterSource.Status.FAILED;
                phase = KindProgress.Phase.FAILED;
            }
        } catch (ClusterFailure f) {
            r.problems.add(f.problem());
            status = ClusterSource.Status.FAILED;
            phase = KindProgress.Phase.FAILED;
        } catch (ImportCancelledException e) {
            r.outcome = new ClusterSource.KindOutcome("ConfigMap", KUBE_PROXY_CONFIGMAP, ClusterSource.Status.CANCELLED,
                    0, 0, 0, 0, retries[0]);
            return r;
        }
        r.outcome = new ClusterSource.KindOutcome("ConfigMap", KUBE_PROXY_CONFIGMAP, status, objects,
                status == ClusterSource.Status.COMPLETE ? 1 : 0, bytes[0], 0, retries[0]);
        events.accept(new KindProgress("ConfigMap", phase, objects, r.outcome.pages(), objects, ""));
        return r;
    }

    /** Scrapes kube-proxy /metrics from up to {@code n} nodes, spread over the node list. */
    private void scrape(ReadOnlyApi api, InventoryCollector nodes, int n, Cancellation cancel,
                        ProgressListener progress, List<ObservedMetrics> out, List<ImportProblem> problems,
                        java.util.function.BooleanSupplier userCancel) {
        List<String> names = new ArrayList<>();
        for (NodeInfo node : nodes.build("nodes").nodes()) {
            names.add(node.name());
        }
        java.util.Collections.sort(names);
        int count = Math.min(n, names.size());
        for (int i = 0; i < count; i++) {
            if (userCancel.getAsBoolean()) {
                return;
            }
            String node = names.get((int) ((long) i * names.size() / count));
            String path = "/api/v1/nodes/" + URLEncoder.encode(node + ":" + settings.metricsPort(),
                    StandardCharsets.UTF_8).replace("%3A", ":") + "/proxy/metrics";
            progress.progress(i, count, ProgressListener.SCRAPING, node);
            String source = "node/" + node + ":" + settings.metricsPort() + "/metrics";
            try {
                out.add(api.get(path, "text/plain", body -> PrometheusTextParser.parse(source,
                        new InputStreamReader(body, StandardCharsets.UTF_8), cancel), 2, ReadOnlyApi.RetryObserver.NONE));
            } catch (ReadOnlyApi.StatusException e) {
                problems.add(ImportProblem.warning(ClusterProblems.METRICS_UNAVAILABLE, api.server(), path,
                        "node " + node + ": HTTP " + e.code + (e.message.isEmpty() ? "" : ": " + e.message)
                                + (e.code == 403 ? " (needs get on nodes/proxy)" : "")));
            } catch (ClusterFailure f) {
                problems.add(ImportProblem.warning(ClusterProblems.METRICS_UNAVAILABLE, api.server(), path,
                        "node " + node + ": " + f.problem().detail() + " (kube-proxy serves /metrics on "
                                + "metricsBindAddress, 127.0.0.1:" + settings.metricsPort()
                                + " by default, which the API server cannot reach)"));
            } catch (ImportCancelledException e) {
                return;
            }
        }
        progress.progress(count, count, ProgressListener.SCRAPING, "");
    }

    private ImportResult assemble(String context, String server, String version, Instant started, long t0,
                                  Map<String, KindLister.Result> results, List<ImportProblem> problems,
                                  List<ObservedMetrics> metrics, boolean cancelled) {
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        List<ClusterSource.KindOutcome> outcomes = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        List<ImportProblem> kindProblems = new ArrayList<>();
        for (String k : KINDS) {
            KindLister.Result r = results.get(k);
            if (r == null) {
                outcomes.add(new ClusterSource.KindOutcome(k, "", ClusterSource.Status.CANCELLED, 0, 0, 0, 0, 0));
                continue;
            }
            kindProblems.addAll(r.problems);
            ClusterSource.KindOutcome o = r.outcome != null ? r.outcome
                    : new ClusterSource.KindOutcome(k, "", ClusterSource.Status.CANCELLED, 0, 0, 0, 0, 0);
            outcomes.add(o);
            if (r.collector != null) {
                all.absorb(r.collector);
            }
            if (o.status() == ClusterSource.Status.COMPLETE || o.pages() > 0) {
                sources.add(new SourceFile(server + o.path(), "cluster-api", "", o.bytes(), o.objects()));
            }
        }
        List<ImportProblem> allProblems = new ArrayList<>(kindProblems);
        allProblems.addAll(problems);
        allProblems.addAll(all.problems());
        for (ObservedMetrics m : metrics) {
            sources.add(new SourceFile(m.source(), "metrics", "", 0, 0));
        }
        ClusterInventory inv = all.build(context);
        ClusterSource src = new ClusterSource(context, server, version, started, elapsed(t0), outcomes);
        return new ImportResult(inv, metrics, List.of(), sources, allProblems, all.skippedKinds(), cancelled, started,
                false, Optional.of(src));
    }

    private ImportResult cancelled(ImportRequest.Cluster req, String context, String server, String version,
                                   Instant started, long t0, Map<String, KindLister.Result> results,
                                   List<ImportProblem> problems, List<ObservedMetrics> metrics) {
        List<ImportProblem> p = new ArrayList<>(problems);
        p.add(ImportProblem.warning("cancelled", server, "", req.keepPartial()
                ? "import cancelled; the inventory holds what was read until then (partial)"
                : "import cancelled; nothing was kept"));
        if (req.keepPartial()) {
            return assemble(context, server, version, started, t0, results, p, metrics, true);
        }
        List<ClusterSource.KindOutcome> outcomes = new ArrayList<>();
        for (String k : KINDS) {
            KindLister.Result r = results.get(k);
            outcomes.add(r != null && r.outcome != null ? r.outcome
                    : new ClusterSource.KindOutcome(k, "", ClusterSource.Status.CANCELLED, 0, 0, 0, 0, 0));
        }
        ClusterInventory empty = new InventoryCollector(Parsers.YAML).build(context);
        return new ImportResult(empty, List.of(), List.of(), List.of(), p, Map.of(), true, started, false,
                Optional.of(new ClusterSource(context, server, version, started, elapsed(t0), outcomes)));
    }

    private ImportResult failed(String context, String server, Instant started, long t0, List<ImportProblem> problems) {
        ClusterInventory empty = new InventoryCollector(Parsers.YAML).build(context);
        return new ImportResult(empty, List.of(), List.of(), List.of(), problems, Map.of(), false, started, false,
                Optional.of(new ClusterSource(context, server, "", started, elapsed(t0), List.of())));
    }

    private static Duration elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** A 401 from any kind: the credentials do not work, so the whole import stops. */
    private static final class UnauthorizedFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ImportProblem problem;

        UnauthorizedFailure(ImportProblem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }
    }
}
