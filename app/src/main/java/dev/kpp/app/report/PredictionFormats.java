package dev.kpp.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.AppInfo;
import dev.kpp.model.cost.ConntrackEstimate;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.ModeCosts;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.rules.RuleCountStats;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The one place predictions become text: JSON (the CLI contract, docs/cli.md), CSV and the terminal
 * table. Reports and the UI use the same numbers and rounding.
 */
public final class PredictionFormats {
    /** Version of the JSON contract; bumped only for additions that readers may want to detect. */
    public static final int JSON_SCHEMA = 1;
    /** The shared mapper (configured once). */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionFormats() {
    }

    /** @return the prediction as the JSON contract document */
    public static String json(Prediction p, String source) {
        ObjectNode root = MAPPER.createObjectNode();
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
        for (String w : p.warningIds()) {
            ObjectNode o = warnings.addObject();
            o.put("code", w);
            o.put("message", Messages.english().get("warning." + w));
        }
        return write(root);
    }

    private static ObjectNode modeJson(ModePrediction m) {
        ModeStructure s = m.structure();
        ObjectNode o = MAPPER.createObjectNode();
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
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_UP))
                .doubleValue();
    }

    private static void stats(ObjectNode o, RuleCountStats s) {
        o.put("mean", round(s.mean(), 1));
        o.put("p50", s.p50());
        o.put("p99", s.p99());
        o.put("worst", s.worst());
    }

    /** @return the resolved scenario inputs as JSON */
    public static ObjectNode scenarioJson(ScenarioParams p, String source) {
        ObjectNode o = MAPPER.createObjectNode();
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
                sb.append(sig(e.value(), 4)).append(',').append(sig(e.low(), 4)).append(',').append(sig(e.high(), 4))
                        .append(',');
            }
            sb.append(sig(c.cpuDataPlaneCores(), 4)).append(',').append(sig(c.cpuControlPlaneCores(), 4)).append(',');
            Estimate l = c.addedLatencyMs();
            sb.append(sig(l.value(), 4)).append(',').append(sig(l.low(), 4)).append(',').append(sig(l.high(), 4))
                    .append(',');
            sb.append(c.conntrack().entries()).append(',').append(c.conntrack().max()).append(',')
                    .append(sig(c.conntrack().utilization(), 4)).append('\n');
        }
        return sb.toString();
    }

    /** @return a terminal table */
    public static String table(Prediction p, String source) {
        ScenarioParams sp = p.scenario();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s — %s%n", AppInfo.version(), source));
        sb.append(String.format(Locale.ROOT,
                "%,d services x %d port(s) x %d endpoints (%.0f%% NodePort, %.0f%% LoadBalancer), %,d nodes x %s cores,%n"
                        + "%,.0f requests/s per node, %s requests/connection -> %,.1f new connections/s; kernel %s, "
                        + "kube-proxy %s%n%n",
                sp.services(), sp.portsPerService(), sp.endpointsPerService(), 100 * sp.nodePortShare(),
                100 * sp.loadBalancerShare(), sp.nodes(), fmt(sp.coresPerNode(), 0), sp.requestsPerSecond(),
                fmt(sp.requestsPerConnection(), 0), sp.newConnectionsPerSecond(), sp.kernel(),
                sp.kubernetesVersion()));
        sb.append(String.format(Locale.ROOT, "%-10s %12s %9s %9s %9s %12s %14s %14s%n", "mode", "rules/conn", "p50",
                "p99", "worst", "NodePort max", "rules/objects", "sync objects"));
        sb.append(String.format(Locale.ROOT, "%-10s %12s %9s %9s %9s %12s %14s %14s%n", "", "mean", "", "", "", "",
                "", "full/partial"));
        for (ModePrediction m : p.modes()) {
            ModeStructure s = m.structure();
            sb.append(String.format(Locale.ROOT, "%-10s %,12.1f %,9d %,9d %,9d %12s %,14d %14s%n", m.mode().id(),
                    s.clusterIp().mean(), s.clusterIp().p50(), s.clusterIp().p99(), s.clusterIp().worst(),
                    s.nodePort().worst() == 0 ? "-" : String.format(Locale.ROOT, "%,d", s.nodePort().worst()),
                    s.rulesTotal(), compact(s.syncObjectsFull()) + "/" + compact(s.syncObjectsPartial())));
        }
        sb.append(String.format(Locale.ROOT, "%n%-10s %22s %22s %22s %24s %22s %11s%n", "mode", "sync full s",
                "sync partial s", "cold start s", "CPU cores (dp + cp)", "added latency us", "conntrack"));
        for (ModePrediction m : p.modes()) {
            ModeCosts c = m.costs();
            sb.append(String.format(Locale.ROOT, "%-10s %22s %22s %22s %24s %22s %10.1f%%%n", m.mode().id(),
                    band(c.syncFullSeconds(), 1), band(c.syncPartialSeconds(), 1), band(c.syncColdStartSeconds(), 1),
                    band(c.cpuCores(), 1) + String.format(Locale.ROOT, " (%s+%s)", num(c.cpuDataPlaneCores()),
                            num(c.cpuControlPlaneCores())),
                    band(c.addedLatencyMs(), 1000), 100 * c.conntrack().utilization()));
        }
        sb.append("Bands are 90% prediction intervals from the calibration's leave-one-out residuals "
                + "(kpp validate).\n");
        sb.append("* low confidence: few rows, one source, sources that disagree, or outside the measured range "
                + "(JSON: confidence, reason).\n");
        ModeStructure ipt = p.mode(ProxyMode.IPTABLES).structure();
        sb.append(String.format(Locale.ROOT, "%niptables: %,d nat + %,d filter rules, KUBE-SERVICES %,d rules (%s layout)%n",
                ipt.count("nat"), ipt.count("filter"), ipt.count("kubeServicesLength"),
                ipt.count("layoutLegacy") == 1 ? "pre-1.21, 2 rules per ClusterIP" : "1.21+"));
        ModeStructure ebpf = p.mode(ProxyMode.EBPF).structure();
        sb.append(String.format(Locale.ROOT, "eBPF: %,d of %,d service-map entries (%.0f%%)%n",
                ebpf.count("lbMapEntries"), ebpf.count("lbMapMax"),
                100.0 * ebpf.count("lbMapEntries") / ebpf.count("lbMapMax")));
        sb.append(String.format(Locale.ROOT, "Calico policy add-on: %.1f rules per new connection (%d pods/node, %s "
                + "policies/pod): +%s us, +%s cores%n", p.calicoRulesPerConnection(), sp.podsPerNode(),
                fmt(sp.policiesPerPod(), 1), band(p.calicoAddedLatencyMs(), 1000), band(p.calicoCpuCores(), 1)));
        for (String w : p.warningIds()) {
            sb.append("warning: ").append(Messages.english().get("warning." + w)).append('\n');
        }
        return sb.toString();
    }

    /** value [low-high], scaled; a trailing {@code *} marks a low-confidence estimate. */
    private static String band(Estimate e, double scale) {
        return num(e.value() * scale) + " [" + num(e.low() * scale) + "-" + num(e.high() * scale) + "]"
                + (e.isLow() ? "*" : "");
    }

    /** Three significant digits, plain notation. */
    public static String num(double v) {
        if (v == 0) {
            return "0";
        }
        double r = sig(v, 3);
        if (Math.abs(r) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", r);
        }
        return new java.math.BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
    }

    private static String compact(long v) {
        if (v >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return Long.toString(v);
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
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
