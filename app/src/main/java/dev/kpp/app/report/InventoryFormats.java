package dev.kpp.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.TerminalText;
import dev.kpp.importer.spi.HistogramSummary;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.EndpointSliceInfo;
import dev.kpp.model.inventory.InventoryDiff;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.inventory.ServiceInfo;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.rules.ModeStructure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Text and JSON for {@code kpp inventory} and {@code kpp diff}. */
public final class InventoryFormats {
    private static final dev.kpp.app.text.Texts TEXTS = dev.kpp.app.text.Texts.english();
    private InventoryFormats() {
    }

    /** @return the human summary of an import */
    public static String table(ImportResult r) {
        InventorySummary s = InventorySummary.of(r.inventory());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s — inventory '%s' from %d input(s)%s%s%n", dev.kpp.app.text.AppInfo.version(),
                TerminalText.escape(r.inventory().name()), r.sources().size(), r.redacted() ? " (redacted)" : "",
                r.cancelled() ? " (PARTIAL: cancelled)" : ""));
        sb.append(String.format(Locale.ROOT, "Services        %,10d  (%s; headless %,d)%n", s.services(),
                s.servicesByType().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(),
                        e.getValue())).collect(Collectors.joining(", ")), s.headless()));
        sb.append(String.format(Locale.ROOT, "  proxied       %,10d  with %,d ports; %,d NodePorts, %,d load-balancer IPs%n",
                s.proxied(), s.servicePorts(), s.nodePorts(), s.loadBalancerIPs()));
        InventorySummary.Endpoints e = s.endpoints();
        sb.append(String.format(Locale.ROOT, "Endpoints       %,10d  listed in %,d EndpointSlices%n", e.listed(),
                s.endpointSlices()));
        sb.append(String.format(Locale.ROOT, "  ready         %,10d  (what kube-proxy programs)%n", e.ready()));
        excluded(sb, "not ready", e.notReady());
        excluded(sb, "terminating", e.terminating());
        excluded(sb, "other family", e.otherFamily());
        excluded(sb, "not proxied", e.notProxied());
        excluded(sb, "orphaned", e.orphaned());
        excluded(sb, "duplicate", e.duplicate());
        long[] orphans = orphans(r.inventory());
        if (orphans[0] > 0) {
            sb.append(String.format(Locale.ROOT, "  orphaned      %,10d  EndpointSlices (%,d endpoints) of no Service in "
                    + "the inputs: not counted%n", orphans[0], orphans[1]));
        }
        InventorySummary.Distribution d = s.perService();
        sb.append(String.format(Locale.ROOT, "  per Service   min %,d  p50 %,d  p90 %,d  p99 %,d  max %,d  mean %s%n",
                d.min(), d.p50(), d.p90(), d.p99(), d.max(), dev.kpp.app.text.Numbers.number(d.mean())));
        sb.append(String.format(Locale.ROOT, "Nodes           %,10d  (%s cores)%n", s.nodes(),
                fmt(s.totalCores())));
        sb.append("  kernels       ").append(counts(s.kernels())).append('\n');
        sb.append("  kubelets      ").append(counts(s.kubeletVersions())).append('\n');
        sb.append(String.format(Locale.ROOT, "Kubernetes      %10s  kube-proxy mode: %s%n",
                s.kubernetesVersion().isEmpty() ? "unknown" : TerminalText.escape(s.kubernetesVersion()),
                s.configuredMode().map(ProxyMode::id).orElse("unset (iptables on Linux)")));
        sb.append(String.format(Locale.ROOT, "Namespaces      %,10d  NetworkPolicies %,d%n", s.namespaces(),
                s.networkPolicies()));
        for (InventorySummary.Note n : s.notes()) {
            sb.append("Note            ").append(TEXTS.note(n)).append('\n');
        }
        if (!r.skippedKinds().isEmpty()) {
            sb.append("Skipped kinds   ").append(counts(r.skippedKinds())).append('\n');
        }
        for (ObservedMetrics m : r.metrics()) {
            sb.append("Metrics         ").append(TerminalText.escape(m.source())).append(": ").append(metricsLine(m)).append('\n');
        }
        ModeStructure model = iptablesModel(r);
        for (RuleDumpSummary rd : r.ruleDumps()) {
            sb.append("Rule dump       ").append(TerminalText.escape(rd.source())).append(" (").append(rd.kind())
                    .append("): ").append(ruleLine(rd)).append('\n');
            for (String path : List.of("clusterIp", "nodePort")) {
                if (rd.count("walk/" + path + "/walked") > 0) {
                    sb.append(walkLine(rd, path, model)).append('\n');
                }
            }
            if (rd.count("walk/skipped") > 0) {
                sb.append("  not walked: its chains loop or hold ports, marks or probabilities kube-proxy never"
                        + " writes; the rule counts above stand\n");
            }
        }
        long errors = r.errors().size();
        long warnings = r.warnings().size();
        if (errors + warnings > 0) {
            sb.append(String.format(Locale.ROOT, "Problems        %d error(s), %d warning(s) (listed on stderr)%n",
                    errors, warnings));
        }
        return TerminalText.escapeLines(sb.toString());
    }

    /** @return EndpointSlices whose Service is not in the inventory, and their endpoints */
    static long[] orphans(ClusterInventory inv) {
        java.util.Set<String> services = new java.util.HashSet<>();
        for (ServiceInfo svc : inv.services()) {
            services.add(svc.key());
        }
        long[] n = new long[2];
        for (EndpointSliceInfo sl : inv.endpointSlices()) {
            if (sl.serviceName().isEmpty() || !services.contains(sl.serviceKey())) {
                n[0]++;
                n[1] += sl.endpoints().size();
            }
        }
        return n;
    }

    private static void excluded(StringBuilder sb, String label, long n) {
        if (n > 0) {
            sb.append(String.format(Locale.ROOT, "  %-13s %,10d  not counted%n", label, n));
        }
    }

    private static String metricsLine(ObservedMetrics m) {
        HistogramSummary h = m.histogram(ObservedMetrics.SYNC_DURATION);
        StringBuilder sb = new StringBuilder();
        if (h != null && h.count() > 0) {
            sb.append(String.format(Locale.ROOT, "%,.0f syncs, mean %.3f s, p99 ~%.3f s", h.count(), h.mean(),
                    h.quantile(0.99)));
        } else {
            sb.append("no sync histogram");
        }
        double nat = m.value(ObservedMetrics.IPTABLES_TOTAL + "{table=\"nat\"}");
        if (!Double.isNaN(nat)) {
            sb.append(String.format(Locale.ROOT, "; %,.0f nat rules", nat));
        }
        return sb.toString();
    }

    private static String ruleLine(RuleDumpSummary rd) {
        return switch (rd.kind()) {
            case "iptables-save" -> String.format(Locale.ROOT, "nat %,d rules, filter %,d, KUBE-SERVICES %,d, "
                    + "KUBE-SVC chains %,d, KUBE-SEP chains %,d", rd.count("nat/rules"), rd.count("filter/rules"),
                    rd.count("nat/KUBE-SERVICES"), rd.count("nat/KUBE-SVC-*#chains"), rd.count("nat/KUBE-SEP-*#chains"));
            case "ipvsadm" -> String.format(Locale.ROOT, "%,d virtual servers, %,d real servers",
                    rd.count("virtualServers"), rd.count("realServers"));
            default -> rd.counts().entrySet().stream().filter(e -> !e.getKey().contains("/chain/"))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        };
    }

    /**
     * @return the iptables structure the model predicts for the imported inventory (to compare with a
     *         walked dump), or null when the import holds no proxied Service
     */
    static ModeStructure iptablesModel(ImportResult r) {
        if (r.ruleDumps().stream().noneMatch(d -> d.kind().equals("iptables-save"))
                || r.inventory().services().stream().noneMatch(dev.kpp.model.inventory.ServiceInfo::proxied)) {
            return null;
        }
        var base = dev.kpp.model.plan.InventoryScenario.derive(r.inventory(),
                dev.kpp.model.scenario.ScenarioParams.defaults());
        return dev.kpp.model.plan.Planner.structure(ProxyMode.IPTABLES, base.workload(), base.params());
    }

    /** @return "  walked ClusterIP   ... ; model ..." for one walked path of an iptables-save dump */
    private static String walkLine(RuleDumpSummary rd, String path, ModeStructure model) {
        String p = "walk/" + path + "/";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "  walked %-9s  mean %s  p50 %,d  p99 %,d  worst %,d rules per new connection (%,d of %,d ports%s)",
                path.equals("clusterIp") ? "ClusterIP" : "NodePort",
                dev.kpp.app.text.Numbers.exact(rd.count(p + "meanMilli") / 1000.0), rd.count(p + "p50"),
                rd.count(p + "p99"), rd.count(p + "worst"), rd.count(p + "walked"), rd.count(p + "ports"),
                rd.count(p + "walked") < rd.count(p + "ports") ? ", sampled evenly" : ""));
        if (model != null) {
            var stats = path.equals("clusterIp") ? model.clusterIp() : model.nodePort();
            sb.append(String.format(Locale.ROOT, "%n  model  %-9s  mean %s  p50 %,d  p99 %,d  worst %,d for the "
                            + "inventory imported with it", path.equals("clusterIp") ? "ClusterIP" : "NodePort",
                    dev.kpp.app.text.Numbers.exact(stats.mean()), stats.p50(), stats.p99(), stats.worst()));
        }
        return sb.toString();
    }

    private static String counts(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "-";
        }
        return m.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s x%,d", TerminalText.escape(e.getKey()),
                e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** @return the import as JSON: summary, sources, problems, metrics and rule-dump counts */
    public static ObjectNode json(ImportResult r) {
        InventorySummary s = InventorySummary.of(r.inventory());
        ObjectNode o = PredictionFormats.mapper().createObjectNode();
        o.put("name", r.inventory().name());
        o.put("redacted", r.redacted());
        o.put("partial", r.cancelled());
        ObjectNode svc = o.putObject("services");
        svc.put("total", s.services());
        s.servicesByType().forEach(svc::put);
        svc.put("headless", s.headless());
        svc.put("proxied", s.proxied());
        svc.put("ports", s.servicePorts());
        svc.put("nodePorts", s.nodePorts());
        svc.put("loadBalancerIPs", s.loadBalancerIPs());
        ObjectNode ep = o.putObject("endpoints");
        InventorySummary.Endpoints e = s.endpoints();
        ep.put("ready", e.ready());
        ep.put("endpointSlices", s.endpointSlices());
        ep.put("listed", e.listed());
        ObjectNode ex = ep.putObject("excluded");
        ex.put("notReady", e.notReady());
        ex.put("terminating", e.terminating());
        ex.put("otherFamily", e.otherFamily());
        ex.put("notProxied", e.notProxied());
        ex.put("orphaned", e.orphaned());
        ex.put("duplicate", e.duplicate());
        ep.put("orphanSlices", orphans(r.inventory())[0]);
        ObjectNode per = ep.putObject("perService");
        InventorySummary.Distribution d = s.perService();
        per.put("min", d.min());
        per.put("p50", d.p50());
        per.put("p90", d.p90());
        per.put("p99", d.p99());
        per.put("max", d.max());
        per.put("mean", PredictionFormats.round(d.mean(), 2));
        ObjectNode nodes = o.putObject("nodes");
        nodes.put("count", s.nodes());
        nodes.put("cores", s.totalCores());
        ObjectNode kernels = nodes.putObject("kernels");
        s.kernels().forEach(kernels::put);
        ObjectNode kubelets = nodes.putObject("kubeletVersions");
        s.kubeletVersions().forEach(kubelets::put);
        o.put("kubernetesVersion", s.kubernetesVersion());
        o.put("kubeProxyMode", s.configuredMode().map(ProxyMode::id).orElse(""));
        o.put("namespaces", s.namespaces());
        o.put("networkPolicies", s.networkPolicies());
        ArrayNode notes = o.putArray("notes");
        for (InventorySummary.Note n : s.notes()) {
            ObjectNode x = notes.addObject();
            x.put("code", n.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            x.put("message", TEXTS.note(n));
        }
        ObjectNode skipped = o.putObject("skippedKinds");
        r.skippedKinds().forEach(skipped::put);
        sourcesJson(o.putArray("sources"), r.sources());
        ArrayNode metrics = o.putArray("metrics");
        for (ObservedMetrics m : r.metrics()) {
            ObjectNode x = metrics.addObject();
            x.put("source", m.source());
            ObjectNode hs = x.putObject("histograms");
            m.histograms().forEach((k, h) -> {
                ObjectNode hn = hs.putObject(k);
                hn.put("count", h.count());
                hn.put("sum", h.sum());
                if (h.count() > 0) {
                    hn.put("mean", h.mean());
                    hn.put("p50", h.quantile(0.5));
                    hn.put("p99", h.quantile(0.99));
                }
            });
            ObjectNode vs = x.putObject("values");
            m.values().forEach(vs::put);
        }
        ArrayNode rules = o.putArray("ruleDumps");
        ModeStructure model = iptablesModel(r);
        for (RuleDumpSummary rd : r.ruleDumps()) {
            ObjectNode x = rules.addObject();
            x.put("source", rd.source());
            x.put("kind", rd.kind());
            ObjectNode c = x.putObject("counts");
            rd.counts().forEach(c::put);
            for (String path : List.of("clusterIp", "nodePort")) {
                String p = "walk/" + path + "/";
                if (rd.count(p + "walked") == 0) {
                    continue;
                }
                ObjectNode w = x.with("perConnection").putObject(path);
                w.put("ports", rd.count(p + "ports"));
                w.put("walked", rd.count(p + "walked"));
                w.put("mean", rd.count(p + "meanMilli") / 1000.0);
                w.put("meanInDumpOrder", rd.count(p + "dumpOrderMeanMilli") / 1000.0);
                w.put("p50", rd.count(p + "p50"));
                w.put("p99", rd.count(p + "p99"));
                w.put("worst", rd.count(p + "worst"));
                if (model != null) {
                    var stats = path.equals("clusterIp") ? model.clusterIp() : model.nodePort();
                    ObjectNode m = w.putObject("model");
                    m.put("mean", PredictionFormats.round(stats.mean(), 1));
                    m.put("p50", stats.p50());
                    m.put("p99", stats.p99());
                    m.put("worst", stats.worst());
                }
            }
        }
        ArrayNode problems = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
            ObjectNode x = problems.addObject();
            x.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            x.put("code", p.code());
            x.put("source", p.source());
            x.put("location", p.location());
            x.put("detail", p.detail());
        }
        return o;
    }

    /** @return the diff as a table */
    public static String diffTable(InventoryDiff d, String a, String b) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s — %s -> %s%n", dev.kpp.app.text.AppInfo.version(),
                TerminalText.escape(a), TerminalText.escape(b)));
        sb.append(String.format(Locale.ROOT, "%-12s %12s %12s %12s%n", "", "before", "after", "change"));
        row(sb, "Services", d.servicesBefore(), d.servicesAfter());
        row(sb, "Endpoints", d.endpointsBefore(), d.endpointsAfter());
        row(sb, "NodePorts", d.nodePortsBefore(), d.nodePortsAfter());
        row(sb, "Nodes", d.nodesBefore(), d.nodesAfter());
        sb.append(String.format(Locale.ROOT, "%nServices: %,d added, %,d removed, %,d changed%n", d.added().size(),
                d.removed().size(), d.changed().size()));
        list(sb, "added", d.added());
        list(sb, "removed", d.removed());
        list(sb, "changed", d.changed());
        sb.append(String.format(Locale.ROOT, "%n%-24s %10s %10s %12s %12s%n", "namespace", "services", "(change)",
                "endpoints", "(change)"));
        for (InventoryDiff.NamespaceGrowth g : d.namespaces()) {
            if (g.servicesBefore() == g.servicesAfter() && g.endpointsBefore() == g.endpointsAfter()) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-24s %,10d %+10d %,12d %+12d%n", TerminalText.escape(g.namespace()),
                    g.servicesAfter(),
                    g.servicesAfter() - g.servicesBefore(), g.endpointsAfter(),
                    g.endpointsAfter() - g.endpointsBefore()));
        }
        return TerminalText.escapeLines(sb.toString());
    }

    private static void row(StringBuilder sb, String label, long before, long after) {
        sb.append(String.format(Locale.ROOT, "%-12s %,12d %,12d %+,12d%n", label, before, after, after - before));
    }

    private static void list(StringBuilder sb, String label, java.util.List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        int shown = Math.min(10, keys.size());
        sb.append("  ").append(label).append(": ").append(String.join(", ", keys.subList(0, shown).stream()
                .map(TerminalText::escape).toList()));
        if (keys.size() > shown) {
            sb.append(", ... (").append(keys.size() - shown).append(" more)");
        }
        sb.append('\n');
    }

    /** @return the diff as JSON */
    public static ObjectNode diffJson(InventoryDiff d, String a, String b) {
        ObjectNode o = PredictionFormats.mapper().createObjectNode();
        o.put("before", a);
        o.put("after", b);
        pair(o.putObject("services"), d.servicesBefore(), d.servicesAfter());
        pair(o.putObject("endpoints"), d.endpointsBefore(), d.endpointsAfter());
        pair(o.putObject("nodePorts"), d.nodePortsBefore(), d.nodePortsAfter());
        pair(o.putObject("nodes"), d.nodesBefore(), d.nodesAfter());
        d.added().forEach(o.putArray("added")::add);
        d.removed().forEach(o.putArray("removed")::add);
        d.changed().forEach(o.putArray("changed")::add);
        ArrayNode ns = o.putArray("namespaces");
        for (InventoryDiff.NamespaceGrowth g : d.namespaces()) {
            ObjectNode x = ns.addObject();
            x.put("namespace", g.namespace());
            pair(x.putObject("services"), g.servicesBefore(), g.servicesAfter());
            pair(x.putObject("endpoints"), g.endpointsBefore(), g.endpointsAfter());
        }
        return o;
    }

    private static void pair(ObjectNode o, long before, long after) {
        o.put("before", before);
        o.put("after", after);
        o.put("change", after - before);
    }

    /** Writes the imported files (path, kind, sha256, bytes, objects); shared by every JSON output. */
    public static void sourcesJson(ArrayNode into, java.util.List<SourceFile> sources) {
        for (SourceFile f : sources) {
            ObjectNode x = into.addObject();
            x.put("path", f.path());
            x.put("kind", f.kind());
            x.put("sha256", f.sha256());
            x.put("bytes", f.bytes());
            x.put("objects", f.objects());
        }
    }
}
