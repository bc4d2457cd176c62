package dev.kpp.app.ui.inventory;

import dev.kpp.app.report.PredictionFormats;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.KeyValue;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.HistogramSummary;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.KubeProxyConfig;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.scenario.Sample;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The inventory pane: the source and its files, Services (total and by type), endpoints (what was
 * counted as ready and what was left out), nodes and kernels, kube-proxy's settings, what the import
 * observed (metrics, rule dumps), what had to be assumed, notes, import problems and the plan's
 * warnings. Everything comes from the model's {@link InventorySummary} and the {@link ImportResult}.
 */
public final class InventoryViewModel {
    /** Import problems listed in the pane before the rest are counted. */
    static final int MAX_PROBLEMS = 20;
    private static final java.time.format.DateTimeFormatter READ_AT = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final PlannerSession session;
    private final Texts texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObservableList<KeyValue> sources = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> services = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> endpoints = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> distribution = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> nodes = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> kubeProxy = FXCollections.observableArrayList();
    private final ObservableList<KeyValue> observed = FXCollections.observableArrayList();
    private final ObservableList<String> assumptions = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();

    /**
     * @param session shared state
     * @param texts   wording
     */
    public InventoryViewModel(PlannerSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        session.inventoryProperty().addListener(o -> refresh());
        session.sampleProperty().addListener(o -> refresh());
        session.planProperty().addListener(o -> refreshWarnings());
        refresh();
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    private void refresh() {
        LoadedInventory inv = session.inventoryProperty().get();
        InventorySummary s;
        List<KeyValue> src = new ArrayList<>();
        if (inv == null) {
            Sample sample = session.sampleProperty().get();
            s = InventorySummary.ofSample(sample);
            title.set(sample.name());
            kind.set(text("inventory.kind.sample"));
            description.set(sample.title() + "\n" + text("inventory.sample.source", sample.source()));
        } else {
            s = inv.summary();
            title.set(s.name());
            kind.set(text("inventory.kind.imported", inv.result().sources().size()));
            description.set(String.join("\n", inv.paths().stream().map(Path::toString).toList()));
            inv.result().cluster().ifPresent(c -> {
                kind.set(text("inventory.kind.cluster"));
                description.set("");
                provenance(c, inv.result(), src);
            });
            for (SourceFile f : inv.result().sources()) {
                src.add(KeyValue.of(fileName(f.path()), text("inventory.source.file", f.kind(), Numbers.bytes(f.bytes()),
                        Numbers.count(f.objects()))));
            }
            if (inv.result().redacted()) {
                src.add(KeyValue.of(text("inventory.source.redacted"), text("inventory.yes")));
            }
        }
        sources.setAll(src);
        services.setAll(services(s));
        endpoints.setAll(endpoints(s));
        distribution.setAll(distribution(s));
        nodes.setAll(nodes(s));
        kubeProxy.setAll(kubeProxy(s.kubeProxy()));
        observed.setAll(inv == null ? List.of() : observed(inv.result()));
        assumptions.setAll(inv == null ? List.of()
                : inv.base().assumptions().stream().map(texts::assumption).toList());
        notes.setAll(s.notes().stream().map(texts::note).toList());
        problems.setAll(inv == null ? List.of() : problems(inv.result().problems()));
        refreshWarnings();
    }

    /** A live snapshot's provenance: context, server and its version, when it was read and how long it took. */
    private void provenance(ClusterSource c, ImportResult r, List<KeyValue> out) {
        out.add(KeyValue.of(text("inventory.source.context"), c.context()));
        out.add(KeyValue.of(text("inventory.source.server"), c.server()));
        if (!c.serverVersion().isEmpty()) {
            out.add(KeyValue.of(text("inventory.source.serverVersion"), c.serverVersion()));
        }
        out.add(KeyValue.of(text("inventory.source.readAt"), READ_AT.format(c.startedAt())));
        out.add(KeyValue.of(text("inventory.source.took"), Numbers.duration(c.elapsed().toMillis() / 1000.0)));
        if (r.partial()) {
            List<String> lacking = c.incompleteKinds();
            out.add(KeyValue.of(text("inventory.source.partial"), text("inventory.source.partial.value",
                    String.join(", ", lacking))));
        }
        if (!c.forbiddenKinds().isEmpty()) {
            out.add(KeyValue.of(text("inventory.source.forbidden"), String.join(", ", c.forbiddenKinds())));
        }
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }

    private List<KeyValue> services(InventorySummary s) {
        List<KeyValue> t = new ArrayList<>();
        t.add(KeyValue.of(text("inventory.services.total"), Numbers.count(s.services())));
        double all = Math.max(1, s.services());
        for (Map.Entry<String, Long> e : s.servicesByType().entrySet()) {
            if (e.getValue() > 0 || !s.fromSample()) {
                t.add(new KeyValue(e.getKey(), Numbers.count(e.getValue()), e.getValue() / all));
            }
        }
        if (!s.fromSample()) {
            t.add(KeyValue.of(text("inventory.services.headless"), Numbers.count(s.headless())));
        }
        t.add(KeyValue.of(text("inventory.services.proxied"), Numbers.count(s.proxied())));
        t.add(KeyValue.of(text("inventory.services.ports"), Numbers.count(s.servicePorts())));
        t.add(KeyValue.of(text("inventory.services.nodePorts"), Numbers.count(s.nodePorts())));
        t.add(KeyValue.of(text("inventory.services.lbIps"), Numbers.count(s.loadBalancerIPs())));
        return t;
    }

    private List<KeyValue> endpoints(InventorySummary s) {
        InventorySummary.Endpoints e = s.endpoints();
        List<KeyValue> out = new ArrayList<>();
        out.add(KeyValue.of(text("inventory.endpoints.listed"), Numbers.count(e.listed())));
        out.add(KeyValue.of(text("inventory.endpoints.ready"), Numbers.count(e.ready())));
        excluded(out, "inventory.endpoints.notReady", e.notReady());
        excluded(out, "inventory.endpoints.terminating", e.terminating());
        excluded(out, "inventory.endpoints.otherFamily", e.otherFamily());
        excluded(out, "inventory.endpoints.notProxied", e.notProxied());
        excluded(out, "inventory.endpoints.orphaned", e.orphaned());
        excluded(out, "inventory.endpoints.duplicate", e.duplicate());
        if (!s.fromSample()) {
            out.add(KeyValue.of(text("inventory.endpoints.slices"), Numbers.count(s.endpointSlices())));
        }
        return out;
    }

    private void excluded(List<KeyValue> out, String key, long n) {
        if (n > 0) {
            out.add(KeyValue.of(text(key), text("inventory.endpoints.excluded", Numbers.count(n))));
        }
    }

    private List<KeyValue> distribution(InventorySummary s) {
        List<KeyValue> out = new ArrayList<>();
        InventorySummary.Distribution d = s.perService();
        out.add(KeyValue.of(text("inventory.endpoints.median"), Numbers.count(d.p50())));
        out.add(KeyValue.of(text("inventory.endpoints.p90"), Numbers.count(d.p90())));
        out.add(KeyValue.of(text("inventory.endpoints.max"), Numbers.count(d.max())));
        out.add(KeyValue.of(text("inventory.endpoints.mean"), Numbers.number(d.mean())));
        long most = s.buckets().stream().mapToLong(InventorySummary.Bucket::count).max().orElse(0);
        for (InventorySummary.Bucket b : s.buckets()) {
            String range = b.max() == Long.MAX_VALUE ? text("inventory.bucket.above", Numbers.count(b.min() - 1))
                    : b.min() == b.max() ? Numbers.count(b.min())
                    : text("inventory.bucket.range", Numbers.count(b.min()), Numbers.count(b.max()));
            out.add(new KeyValue(text("inventory.bucket.label", range), Numbers.count(b.count()),
                    most == 0 ? 0 : b.count() / (double) most));
        }
        return out;
    }

    private List<KeyValue> nodes(InventorySummary s) {
        List<KeyValue> n = new ArrayList<>();
        n.add(KeyValue.of(text("inventory.nodes.count"), Numbers.count(s.nodes())));
        n.add(KeyValue.of(text("inventory.nodes.coresTotal"), s.totalCores() > 0 ? Numbers.number(s.totalCores())
                : text("inventory.unknown")));
        n.add(KeyValue.of(text("inventory.nodes.cores"), s.medianCores() > 0 ? Numbers.number(s.medianCores())
                : text("inventory.unknown")));
        n.add(KeyValue.of(text("inventory.nodes.kubernetes"),
                s.kubernetesVersion().isEmpty() ? text("inventory.unknown") : s.kubernetesVersion()));
        for (Map.Entry<String, Long> k : s.kernels().entrySet()) {
            n.add(KeyValue.of(text("inventory.nodes.kernel", k.getKey()),
                    text("inventory.nodes.nodeCount", Numbers.count(k.getValue()))));
        }
        for (Map.Entry<String, Long> k : s.kubeletVersions().entrySet()) {
            n.add(KeyValue.of(text("inventory.nodes.kubelet", k.getKey()),
                    text("inventory.nodes.nodeCount", Numbers.count(k.getValue()))));
        }
        if (!s.fromSample()) {
            n.add(KeyValue.of(text("inventory.nodes.namespaces"), Numbers.count(s.namespaces())));
            n.add(KeyValue.of(text("inventory.nodes.networkPolicies"), Numbers.count(s.networkPolicies())));
        }
        return n;
    }

    private List<KeyValue> kubeProxy(KubeProxyConfig kp) {
        List<KeyValue> k = new ArrayList<>();
        if (kp == null) {
            k.add(KeyValue.of(text("inventory.kubeProxy.mode"), text("inventory.kubeProxy.allModes")));
            return k;
        }
        String mode = texts.mode(kp.effectiveMode());
        k.add(KeyValue.of(text("inventory.kubeProxy.mode"), kp.mode().isPresent() ? mode
                : text("inventory.kubeProxy.implicit", mode)));
        k.add(KeyValue.of(text("inventory.kubeProxy.syncPeriod"), Numbers.duration(kp.syncPeriodSeconds())));
        k.add(KeyValue.of(text("inventory.kubeProxy.minSyncPeriod"), Numbers.duration(kp.minSyncPeriodSeconds())));
        k.add(KeyValue.of(text("inventory.kubeProxy.conntrackMaxPerCore"), Numbers.count(kp.conntrack().maxPerCore())));
        k.add(KeyValue.of(text("inventory.kubeProxy.conntrackMin"), Numbers.count(kp.conntrack().min())));
        k.add(KeyValue.of(text("inventory.kubeProxy.masqueradeAll"),
                text(kp.masqueradeAll() ? "inventory.yes" : "inventory.no")));
        k.add(KeyValue.of(text("inventory.kubeProxy.clusterCidr"),
                kp.clusterCidr().isEmpty() ? text("inventory.unset") : kp.clusterCidr()));
        return k;
    }

    private List<KeyValue> observed(ImportResult r) {
        List<KeyValue> out = new ArrayList<>();
        for (ObservedMetrics m : r.metrics()) {
            HistogramSummary h = m.histogram(ObservedMetrics.SYNC_DURATION);
            String value = h != null && h.count() > 0
                    ? text("inventory.observed.syncs", Numbers.count(h.count()), Numbers.duration(h.quantile(0.5)),
                    Numbers.duration(h.quantile(0.99)))
                    : text("inventory.observed.noSyncs");
            out.add(KeyValue.of(text("inventory.observed.metrics", fileName(m.source())), value));
            double nat = m.sum(ObservedMetrics.IPTABLES_TOTAL);
            if (!Double.isNaN(nat)) {
                out.add(KeyValue.of(text("inventory.observed.iptablesRules"), Numbers.count(nat)));
            }
        }
        for (RuleDumpSummary d : r.ruleDumps()) {
            out.add(KeyValue.of(text("inventory.observed.ruleDump", fileName(d.source())), d.kind()));
            switch (d.kind()) {
                case "iptables-save" -> {
                    out.add(KeyValue.of(text("inventory.observed.natRules"), Numbers.count(d.count("nat/rules"))));
                    out.add(KeyValue.of(text("inventory.observed.kubeServices"),
                            Numbers.count(d.count("nat/KUBE-SERVICES"))));
                    out.add(KeyValue.of(text("inventory.observed.sepChains"),
                            Numbers.count(d.count("nat/KUBE-SEP-*#chains"))));
                }
                case "ipvsadm" -> {
                    out.add(KeyValue.of(text("inventory.observed.virtualServers"),
                            Numbers.count(d.count("virtualServers"))));
                    out.add(KeyValue.of(text("inventory.observed.realServers"), Numbers.count(d.count("realServers"))));
                }
                default -> d.counts().entrySet().stream().filter(e -> !e.getKey().contains("/chain/")).limit(4)
                        .forEach(e -> out.add(KeyValue.of(e.getKey(), Numbers.count(e.getValue()))));
            }
        }
        return out;
    }

    private List<String> problems(List<ImportProblem> list) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size() && i < MAX_PROBLEMS; i++) {
            out.add(texts.problem(list.get(i)));
        }
        if (list.size() > MAX_PROBLEMS) {
            out.add(text("inventory.problems.more", list.size() - MAX_PROBLEMS));
        }
        return out;
    }

    private void refreshWarnings() {
        Plan p = session.planProperty().get();
        warnings.setAll(p == null ? List.of() : PredictionFormats.warningLines(p.current().warnings()));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ObservableList<KeyValue> sources() {
        return sources;
    }

    public ObservableList<KeyValue> services() {
        return services;
    }

    public ObservableList<KeyValue> endpoints() {
        return endpoints;
    }

    public ObservableList<KeyValue> distribution() {
        return distribution;
    }

    public ObservableList<KeyValue> nodes() {
        return nodes;
    }

    public ObservableList<KeyValue> kubeProxy() {
        return kubeProxy;
    }

    public ObservableList<KeyValue> observed() {
        return observed;
    }

    public ObservableList<String> assumptions() {
        return assumptions;
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
