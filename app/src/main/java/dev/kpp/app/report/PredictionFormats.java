package dev.kpp.app.report;

import dev.kpp.app.text.Messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.TextTable;
import dev.kpp.app.text.Texts;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.cost.ConntrackEstimate;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.ModeCosts;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.RuleCountStats;
import dev.kpp.model.plan.Assumption;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.PlanWarning;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * The one place predictions become text: JSON (the CLI contract, docs/cli.md), CSV and the terminal
 * table. Reports and the UI use the same numbers and rounding.
 */
public final class PredictionFormats {
    /** Version of the JSON contract; bumped only for additions that readers may want to detect. */
    public static final int JSON_SCHEMA = 1;
    private static final Texts TEXTS = Texts.english();
    /**
     * @return the shared mapper (configured once), created on first use: the terminal table does not need
     *         it, and creating it is a tenth of a cold command's class loading
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Holder of the mapper: initialised when {@link #mapper()} is first called. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private PredictionFormats() {
    }

    /** @return the prediction as the JSON contract document */
    public static String json(Prediction p, String source) {
        return write(jsonTree(p, source, List.of(), null));
    }

    /**
     * The JSON contract document of a plan input's prediction: the CLI's {@code predict --format json}
     * and the window's "Copy as JSON" both write this, byte for byte.
     *
     * @param input    what was predicted
     * @param p        the prediction
     * @param imported the import behind an inventory input, or null
     * @return the document
     */
    public static String json(PlanInput input, Prediction p, ImportResult imported) {
        return write(jsonTree(p, input.source(), input.assumptions(), imported));
    }

    /**
     * @return the contract document with the advisor's {@code recommendation} object (docs/cli.md): what
     *         {@code kpp predict --format json} writes
     */
    public static String json(PlanInput input, Prediction p, ImportResult imported,
                              dev.kpp.model.advice.Recommendation recommendation) {
        ObjectNode root = jsonTree(p, input.source(), input.assumptions(), imported);
        root.set("recommendation", RecommendationFormats.json(recommendation));
        return write(root);
    }

    /** @return the contract document as a tree (sweeps and reports embed it) */
    public static ObjectNode jsonTree(Prediction p, String source, List<Assumption> assumptions,
                                      ImportResult imported) {
        ObjectNode root = mapper().createObjectNode();
        ObjectNode kpp = root.putObject("kpp");
        kpp.put("version", AppInfo.version());
        kpp.put("schema", JSON_SCHEMA);
        root.set("scenario", scenarioJson(p.scenario(), source));
        ObjectNode wl = root.putObject("workload");
        wl.put("servicePorts", p.workload().servicePorts());
        wl.put("endpoints", p.workload().endpointPorts());
        wl.put("node", p.workload().nodeName());
        ObjectNode skipped = wl.putObject("skipped");
        skipped.put("headless", p.workload().skippedHeadless());
        skipped.put("externalName", p.workload().skippedExternalName());
        skipped.put("otherProxy", p.workload().skippedOtherProxy());
        ArrayNode modes = root.putArray("modes");
        for (ModePrediction m : p.modes()) {
            modes.add(modeJson(m));
        }
        ObjectNode addOns = root.putObject("addOns");
        ObjectNode calico = addOns.putObject("calicoPolicy");
        calico.put("rulesPerConnection", round(p.calicoRulesPerConnection(), 1));
        calico.put("podsPerNode", p.scenario().podsPerNode());
        calico.put("policiesPerPod", p.scenario().policiesPerPod());
        estimate(calico.putObject("addedLatencyMs"), p.calicoAddedLatencyMs(), 5);
        estimate(calico.putObject("cpuCores"), p.calicoCpuCores(), 5);
        ArrayNode warnings = root.putArray("warnings");
        for (PlanWarning w : p.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("code", w.code().id());
            o.put("message", TEXTS.warning(w));
            if (w.mode() != null) {
                o.put("mode", w.mode().id());
            }
            ObjectNode params = o.putObject("params");
            w.params().forEach((k, v) -> {
                if (v instanceof Long || v instanceof Integer) {
                    params.put(k, ((Number) v).longValue());
                } else if (v instanceof Number n) {
                    params.put(k, sig(n.doubleValue(), 6));
                } else {
                    params.put(k, String.valueOf(v));
                }
            });
        }
        ArrayNode assumed = root.putArray("assumptions");
        for (Assumption a : assumptions) {
            ObjectNode o = assumed.addObject();
            o.put("code", a.codeId());
            o.put("field", a.field());
            o.put("used", a.used());
            o.put("seen", a.seen());
            o.put("message", TEXTS.assumption(a));
        }
        if (imported != null) {
            root.set("inventory", inventoryJson(imported));
        }
        return root;
    }

    /** @return the {@code inventory} object of a prediction for an imported inventory */
    static ObjectNode inventoryJson(ImportResult r) {
        InventorySummary s = InventorySummary.of(r.inventory());
        ObjectNode o = mapper().createObjectNode();
        o.put("name", r.inventory().name());
        o.put("redacted", r.redacted());
        o.put("services", r.inventory().services().size());
        o.put("proxiedServices", s.proxied());
        o.put("readyEndpoints", s.endpoints().ready());
        o.put("nodes", s.nodes());
        o.put("kubernetesVersion", s.kubernetesVersion());
        o.put("kubeProxyMode", s.configuredMode().map(ProxyMode::id).orElse(""));
        InventoryFormats.sourcesJson(o.putArray("sources"), r.sources());
        ArrayNode problems = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
            problems.add(p.describe());
        }
        return o;
    }

    private static ObjectNode modeJson(ModePrediction m) {
        ModeStructure s = m.structure();
        ObjectNode o = mapper().createObjectNode();
        o.put("mode", m.mode().id());
        ObjectNode rpc = o.putObject("rulesPerConnection");
        stats(rpc, s.clusterIp());
        stats(rpc.putObject("nodePort"), s.nodePort());
        o.put("lookupsPerConnection", s.lookupsPerConnection());
        ObjectNode rules = o.putObject("rules");
        rules.put("total", s.rulesTotal());
        for (Map.Entry<String, Long> e : s.counts().entrySet()) {
            rules.put(e.getKey(), e.getValue());
        }
        ObjectNode by = rules.putObject("breakdown");
        s.breakdown().forEach(by::put);
        ObjectNode sync = o.putObject("syncObjects");
        sync.put("full", s.syncObjectsFull());
        sync.put("partial", s.syncObjectsPartial());
        sync.put("coldStart", s.syncObjectsColdStart());
        ModeCosts c = m.costs();
        ObjectNode syncSeconds = o.putObject("syncSeconds");
        estimate(syncSeconds.putObject("full"), c.syncFullSeconds(), 4);
        estimate(syncSeconds.putObject("partial"), c.syncPartialSeconds(), 4);
        estimate(syncSeconds.putObject("coldStart"), c.syncColdStartSeconds(), 4);
        estimate(syncSeconds.putObject("restart"), c.syncRestartSeconds(), 4);
        ObjectNode cpu = o.putObject("cpuCores");
        estimate(cpu, c.cpuCores(), 5);
        cpu.put("dataPlane", round(c.cpuDataPlaneCores(), 5));
        cpu.put("controlPlane", round(c.cpuControlPlaneCores(), 5));
        estimate(o.putObject("addedLatencyMs"), c.addedLatencyMs(), 5);
        // calibration v2 additions (issue 14): latency quantiles and positions, per-connection CPU, network
        // programming latency, proxy memory
        ObjectNode latency = o.putObject("latencyMs");
        estimate(latency.putObject("p50"), c.latencyP50Ms(), 5);
        estimate(latency.putObject("p90"), c.latencyP90Ms(), 5);
        estimate(latency.putObject("p99"), c.latencyP99Ms(), 5);
        estimate(latency.putObject("clusterIpFirst"), c.clusterIpFirstMs(), 5);
        estimate(latency.putObject("clusterIpLast"), c.clusterIpLastMs(), 5);
        estimate(latency.putObject("nodePortFirst"), c.nodePortFirstMs(), 5);
        estimate(latency.putObject("nodePortLast"), c.nodePortLastMs(), 5);
        estimate(o.putObject("cpuPerConnectionUs"), c.cpuPerConnectionUs(), 5);
        ObjectNode npl = o.putObject("networkProgrammingSeconds");
        estimate(npl.putObject("p50"), c.networkProgrammingP50Seconds(), 4);
        estimate(npl.putObject("p99"), c.networkProgrammingP99Seconds(), 4);
        estimate(o.putObject("memoryMiB"), c.memoryMiB(), 4);
        ConntrackEstimate ct = c.conntrack();
        ObjectNode conntrack = o.putObject("conntrack");
        conntrack.put("entries", ct.entries());
        conntrack.put("max", ct.max());
        conntrack.put("utilization", round(ct.utilization(), 5));
        conntrack.put("entriesLow", ct.entriesLow());
        conntrack.put("entriesHigh", ct.entriesHigh());
        ArrayNode ids = o.putArray("benchmarkIds");
        c.benchmarkIds().forEach(ids::add);
        return o;
    }

    private static void estimate(ObjectNode o, Estimate e, int digits) {
        o.put("value", sig(e.value(), digits));
        o.put("low", sig(e.low(), digits));
        o.put("high", sig(e.high(), digits));
        o.put("confidence", e.confidence().id());
        if (!e.reason().isEmpty()) {
            o.put("reason", e.reason());
        }
        ArrayNode basis = o.putArray("basis");
        e.basis().forEach(basis::add);
    }

    /** Rounds to {@code digits} significant digits (keeps small values readable). */
    public static double sig(double v, int digits) {
        return Numbers.sig(v, digits);
    }

    private static void stats(ObjectNode o, RuleCountStats s) {
        o.put("mean", round(s.mean(), 1));
        o.put("p50", s.p50());
        o.put("p99", s.p99());
        o.put("worst", s.worst());
    }

    /** @return the resolved scenario inputs as JSON */
    public static ObjectNode scenarioJson(ScenarioParams p, String source) {
        ObjectNode o = mapper().createObjectNode();
        o.put("source", source);
        o.put("services", p.services());
        o.put("portsPerService", p.portsPerService());
        o.put("endpointsPerService", p.endpointsPerService());
        o.put("nodePortShare", p.nodePortShare());
        o.put("loadBalancerShare", p.loadBalancerShare());
        o.put("externalLocalShare", p.externalLocalShare());
        o.put("affinityShare", p.affinityShare());
        o.put("nodes", p.nodes());
        o.put("coresPerNode", p.coresPerNode());
        o.put("requestsPerSecond", p.requestsPerSecond());
        o.put("requestsPerConnection", p.requestsPerConnection());
        o.put("newConnectionsPerSecond", p.newConnectionsPerSecond());
        o.put("endpointChangesPerSecond", p.endpointChangesPerSecond());
        o.put("kernel", p.kernel().toString());
        o.put("kubernetesVersion", p.kubernetesVersion().toString());
        o.put("syncPeriodSeconds", p.syncPeriodSeconds());
        o.put("minSyncPeriodSeconds", p.minSyncPeriodSeconds());
        o.put("masqueradeAll", p.masqueradeAll());
        o.put("localDetector", p.localDetector());
        ObjectNode ct = o.putObject("conntrack");
        ct.put("maxPerCore", p.conntrack().maxPerCore());
        ct.put("min", p.conntrack().min());
        ct.put("tcpEstablishedTimeoutSeconds", p.conntrack().tcpEstablishedTimeoutSeconds());
        ct.put("tcpCloseWaitTimeoutSeconds", p.conntrack().tcpCloseWaitTimeoutSeconds());
        ct.put("tcpTimeWaitTimeoutSeconds", p.conntrack().tcpTimeWaitTimeoutSeconds());
        o.put("podsPerNode", p.podsPerNode());
        o.put("policiesPerPod", p.policiesPerPod());
        return o;
    }

    /** @return one CSV row per mode, with a header */
    public static String csv(Prediction p) {
        StringBuilder sb = new StringBuilder();
        sb.append("mode,rules_per_connection_mean,rules_per_connection_p50,rules_per_connection_p99,"
                + "rules_per_connection_worst,nodeport_rules_per_connection_mean,nodeport_rules_per_connection_worst,"
                + "lookups_per_connection,rules_total,sync_objects_full,sync_objects_partial,sync_objects_cold_start,"
                + "sync_full_s,sync_full_s_low,sync_full_s_high,sync_partial_s,sync_partial_s_low,sync_partial_s_high,"
                + "sync_cold_start_s,sync_cold_start_s_low,sync_cold_start_s_high,cpu_cores,cpu_cores_low,"
                + "cpu_cores_high,cpu_data_plane_cores,cpu_control_plane_cores,added_latency_ms,added_latency_ms_low,"
                + "added_latency_ms_high,conntrack_entries,conntrack_max,conntrack_utilization\n");
        for (ModePrediction m : p.modes()) {
            ModeStructure s = m.structure();
            sb.append(m.mode().id()).append(',')
                    .append(fmt(s.clusterIp().mean(), 1)).append(',')
                    .append(s.clusterIp().p50()).append(',')
                    .append(s.clusterIp().p99()).append(',')
                    .append(s.clusterIp().worst()).append(',')
                    .append(fmt(s.nodePort().mean(), 1)).append(',')
                    .append(s.nodePort().worst()).append(',')
                    .append(fmt(s.lookupsPerConnection(), 1)).append(',')
                    .append(s.rulesTotal()).append(',')
                    .append(s.syncObjectsFull()).append(',')
                    .append(s.syncObjectsPartial()).append(',')
                    .append(s.syncObjectsColdStart()).append(',');
            ModeCosts c = m.costs();
            for (Estimate e : new Estimate[] {c.syncFullSeconds(), c.syncPartialSeconds(), c.syncColdStartSeconds(),
                c.cpuCores()}) {
                sb.append(csvNum(e.value())).append(',').append(csvNum(e.low())).append(',').append(csvNum(e.high()))
                        .append(',');
            }
            sb.append(csvNum(c.cpuDataPlaneCores())).append(',').append(csvNum(c.cpuControlPlaneCores())).append(',');
            Estimate l = c.addedLatencyMs();
            sb.append(csvNum(l.value())).append(',').append(csvNum(l.low())).append(',').append(csvNum(l.high()))
                    .append(',');
            sb.append(c.conntrack().entries()).append(',').append(c.conntrack().max()).append(',')
                    .append(csvNum(c.conntrack().utilization())).append('\n');
        }
        return sb.toString();
    }

    /** @return a terminal table */
    public static String table(Prediction p, String source) {
        return table(p, source, List.of());
    }

    /**
     * @return the terminal table: the scenario, rules per connection, costs with their 90% bands (low
     *         confidence marked), structure notes, assumptions and warnings; every number through
     *         {@link Numbers}, so the window and reports show the same digits
     */
    public static String table(Prediction p, String source, List<Assumption> assumptions) {
        ScenarioParams sp = p.scenario();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s — %s%n", AppInfo.version(), source));
        long ports = p.workload().servicePorts();
        sb.append(String.format(Locale.ROOT, "%s Services, %s Service ports, %s endpoints per port "
                        + "(%s NodePort, %s LoadBalancer); %s nodes × %s cores%n",
                Numbers.count(sp.services()), Numbers.count(ports), Numbers.number(p.workload().meanEndpointsPerPort()),
                Numbers.share(sp.nodePortShare()), Numbers.share(sp.loadBalancerShare()), Numbers.count(sp.nodes()),
                Numbers.number(sp.coresPerNode())));
        sb.append(String.format(Locale.ROOT, "%s requests/s per node, %s per connection → %s new connections/s; "
                        + "kernel %s, kube-proxy %s%n%n",
                Numbers.number(sp.requestsPerSecond()),
                sp.requestsPerConnection() == 1 ? "1 request" : Numbers.number(sp.requestsPerConnection()) + " requests",
                Numbers.number(sp.newConnectionsPerSecond()), sp.kernel(), sp.kubernetesVersion()));

        sb.append("Rules a new connection evaluates, and what each mode writes\n");
        TextTable rules = new TextTable("mode", "mean", "p50", "p99", "worst", "NodePort worst", "rules/objects",
                "sync objects full", "partial", "cold start");
        for (ModePrediction m : p.modes()) {
            ModeStructure s = m.structure();
            rules.row(m.mode().id(), Numbers.exact(s.clusterIp().mean()), Numbers.count(s.clusterIp().p50()),
                    Numbers.count(s.clusterIp().p99()), Numbers.count(s.clusterIp().worst()),
                    s.nodePort().worst() == 0 ? "-" : Numbers.count(s.nodePort().worst()),
                    Numbers.count(s.rulesTotal()), Numbers.count(s.syncObjectsFull()),
                    Numbers.count(s.syncObjectsPartial()), Numbers.count(s.syncObjectsColdStart()));
        }
        sb.append(rules.render()).append('\n');

        sb.append("Costs per node, with 90% prediction bands\n");
        List<Metric> costs = List.of(Metric.SYNC_FULL_SECONDS, Metric.SYNC_PARTIAL_SECONDS,
                Metric.SYNC_COLD_START_SECONDS, Metric.CPU_CORES, Metric.ADDED_LATENCY_MS, Metric.CONNTRACK_UTILIZATION);
        List<String> header = new ArrayList<>(List.of("mode"));
        costs.forEach(m -> header.add(TEXTS.messages().get(dev.kpp.app.text.Keys.metricShort(m))));
        TextTable cost = new TextTable(header.toArray(String[]::new));
        Set<String> lowReasons = new LinkedHashSet<>();
        for (ModePrediction m : p.modes()) {
            List<String> cells = new ArrayList<>(List.of(m.mode().id()));
            for (Metric metric : costs) {
                Estimate e = metric.of(m);
                String cell = Numbers.band(e, metric.unit());
                if (e.confidence() == Estimate.Confidence.LOW) {
                    cell += " *";
                    lowReasons.add(metric.key() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")"));
                }
                cells.add(cell);
            }
            cost.row(cells.toArray(String[]::new));
        }
        sb.append(cost.render());
        TextTable split = new TextTable("mode", "CPU data plane", "CPU control plane");
        for (ModePrediction m : p.modes()) {
            split.row(m.mode().id(), Numbers.cores(m.costs().cpuDataPlaneCores()),
                    Numbers.cores(m.costs().cpuControlPlaneCores()));
        }
        sb.append('\n').append(split.render());
        sb.append("Bands are 90% prediction intervals from the calibration's validation residuals (kpp validate); "
                + "m = millicores.\n");
        if (!lowReasons.isEmpty()) {
            sb.append("* low confidence: ").append(String.join(", ", lowReasons)).append('\n');
        }
        ModeStructure ipt = p.mode(ProxyMode.IPTABLES).structure();
        sb.append(String.format(Locale.ROOT, "%niptables: %s nat + %s filter rules, KUBE-SERVICES %s rules (%s layout)%n",
                Numbers.count(ipt.count("nat")), Numbers.count(ipt.count("filter")),
                Numbers.count(ipt.count("kubeServicesLength")),
                ipt.count("layoutLegacy") == 1 ? "pre-1.21, 2 rules per ClusterIP" : "1.21+"));
        ModeStructure ebpf = p.mode(ProxyMode.EBPF).structure();
        sb.append(String.format(Locale.ROOT, "eBPF: %s of %s service-map entries (%s)%n",
                Numbers.count(ebpf.count("lbMapEntries")), Numbers.count(ebpf.count("lbMapMax")),
                Numbers.share(ebpf.count("lbMapEntries") / (double) ebpf.count("lbMapMax"))));
        sb.append(String.format(Locale.ROOT, "Calico policy add-on: %s rules per new connection (%s pods/node, %s "
                        + "policies/pod): +%s latency, +%s CPU%n", Numbers.number(p.calicoRulesPerConnection()),
                Numbers.count(sp.podsPerNode()), Numbers.number(sp.policiesPerPod()),
                Numbers.band(p.calicoAddedLatencyMs(), dev.kpp.model.units.Unit.MILLISECONDS),
                Numbers.band(p.calicoCpuCores(), dev.kpp.model.units.Unit.CORES)));
        for (Assumption a : assumptions) {
            sb.append("assumed: ").append(TEXTS.assumption(a)).append('\n');
        }
        for (String w : warningLines(p.warnings())) {
            sb.append("warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /**
     * @return the warnings as sentences, one per condition: a condition several modes share with the same
     *         numbers is worded once, naming every mode ("iptables, ipvs, nftables: ...")
     */
    public static List<String> warningLines(List<PlanWarning> warnings) {
        java.util.Map<String, List<PlanWarning>> groups = new java.util.LinkedHashMap<>();
        for (PlanWarning w : warnings) {
            java.util.Map<String, Object> rest = new java.util.LinkedHashMap<>(w.params());
            rest.remove("mode");
            groups.computeIfAbsent(w.code().id() + rest, k -> new ArrayList<>()).add(w);
        }
        List<String> out = new ArrayList<>();
        for (List<PlanWarning> g : groups.values()) {
            PlanWarning first = g.get(0);
            if (g.size() > 1 && first.params().containsKey("mode")) {
                java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>(first.params());
                merged.put("mode", String.join(", ", g.stream().map(w -> w.mode().id()).toList()));
                out.add(TEXTS.warning(new PlanWarning(first.code(), null, merged)));
            } else {
                out.add(TEXTS.warning(first));
            }
        }
        return out;
    }

    /** Three significant digits, plain notation. */
    public static String num(double v) {
        return Numbers.number(v);
    }

    /** @return four significant digits in plain decimal notation (spreadsheets read it in any locale) */
    public static String csvNum(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        return new java.math.BigDecimal(Double.toString(sig(v, 4))).stripTrailingZeros().toPlainString();
    }

    /** Rounds half-up to {@code digits} decimals. */
    public static double round(double v, int digits) {
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static String fmt(double v, int digits) {
        return new java.math.BigDecimal(Double.toString(round(v, digits))).stripTrailingZeros().toPlainString();
    }

    private static String write(ObjectNode root) {
        try {
            return mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
