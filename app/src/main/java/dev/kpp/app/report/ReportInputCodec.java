package dev.kpp.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.inventory.ConntrackConfig;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The report input as JSON ({@code kpp-report-input.json}, docs/reports.md): written into every PDF
 * report, read back by {@code kpp report --from}. Every field is required; a document that is not one
 * fails with the field that is wrong.
 */
public final class ReportInputCodec {
    /** The embedded file's name. */
    public static final String FILE = "kpp-report-input.json";
    /** The embedded inventory's name (reports of an imported inventory). */
    public static final String INVENTORY_FILE = "inventory.kpp.json";
    /** The format's version. */
    public static final int FORMAT = 1;

    private ReportInputCodec() {
    }

    /**
     * @param in           the input
     * @param hasInventory true when an inventory is embedded beside it
     * @return the document
     */
    public static String write(ReportInput in, boolean hasInventory) {
        ObjectNode o = PredictionFormats.mapper().createObjectNode();
        o.put("format", "kpp-report-input");
        o.put("version", FORMAT);
        o.put("kpp", AppInfo.version());
        o.put("title", in.title());
        o.put("date", in.date().toString());
        o.put("source", in.source());
        o.set("scenario", PredictionFormats.scenarioJson(in.params(), in.source()));
        ObjectNode b = o.putObject("budgets");
        in.budgets().byKey().forEach(b::put);
        if (in.growth().isEmpty()) {
            o.putNull("growth");
        } else if (in.growth().get() instanceof Growth.Linear l) {
            o.putObject("growth").put("kind", "linear").put("servicesPerMonth", l.servicesPerMonth());
        } else if (in.growth().get() instanceof Growth.Compound c) {
            o.putObject("growth").put("kind", "compound").put("sharePerMonth", c.sharePerMonth());
        }
        o.put("horizonMonths", in.horizonMonths());
        o.put("sensitivity", in.sensitivity());
        if (in.currentMode().isPresent()) {
            o.put("currentMode", in.currentMode().get().id());
        } else {
            o.putNull("currentMode");
        }
        o.put("redacted", in.redacted());
        if (hasInventory) {
            o.put("inventory", INVENTORY_FILE);
        } else {
            o.putNull("inventory");
        }
        try {
            return PredictionFormats.mapper().writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What was read: the input, and whether an inventory belongs to it. */
    public record Read(ReportInput input, boolean hasInventory) {
    }

    /**
     * @param json   the document
     * @param source its name, for messages
     * @return the input
     * @throws IOException naming the field when the document is not a report input
     */
    public static Read read(byte[] json, String source) throws IOException {
        JsonNode o;
        try {
            o = PredictionFormats.mapper().readTree(json);
        } catch (IOException e) {
            throw new IOException(source + ": not valid JSON (" + Cli1.oneLine(e.getMessage()) + ")");
        }
        if (o == null || !"kpp-report-input".equals(o.path("format").asText())) {
            throw new IOException(source + ": not a kpp report input (no \"format\": \"kpp-report-input\")");
        }
        if (o.path("version").asInt() > FORMAT) {
            throw new IOException(source + ": written by a newer kpp (report input version "
                    + o.path("version").asInt() + ", this kpp reads " + FORMAT + ")");
        }
        Fields f = new Fields(o, source);
        JsonNode s = f.node("scenario");
        Fields sf = new Fields(s, source + " $.scenario");
        JsonNode ct = sf.node("conntrack");
        Fields cf = new Fields(ct, source + " $.scenario.conntrack");
        ScenarioParams p;
        try {
            p = new ScenarioParams(sf.lng("services"), (int) sf.lng("portsPerService"),
                    (int) sf.lng("endpointsPerService"), sf.dbl("nodePortShare"), sf.dbl("loadBalancerShare"),
                    sf.dbl("externalLocalShare"), sf.dbl("affinityShare"), (int) sf.lng("nodes"),
                    sf.dbl("coresPerNode"), sf.dbl("requestsPerSecond"), sf.dbl("requestsPerConnection"),
                    sf.dbl("endpointChangesPerSecond"), KernelVersion.parse(sf.text("kernel")),
                    KubeVersion.parse(sf.text("kubernetesVersion")), sf.dbl("syncPeriodSeconds"),
                    sf.dbl("minSyncPeriodSeconds"), sf.bool("masqueradeAll"), sf.bool("localDetector"),
                    new ConntrackConfig(cf.lng("maxPerCore"), cf.lng("min"), cf.lng("tcpEstablishedTimeoutSeconds"),
                            cf.lng("tcpCloseWaitTimeoutSeconds"), cf.lng("tcpTimeWaitTimeoutSeconds")),
                    (int) sf.lng("podsPerNode"), sf.dbl("policiesPerPod"));
        } catch (RuntimeException e) {
            throw new IOException(source + " $.scenario: " + Cli1.oneLine(e.getMessage()));
        }
        Map<Metric, Double> limits = new LinkedHashMap<>();
        JsonNode b = f.node("budgets");
        for (var it = b.fields(); it.hasNext(); ) {
            var e = it.next();
            Metric m = Metric.byKey(e.getKey()).orElseThrow(() -> new IOException(source + " $.budgets."
                    + e.getKey() + ": unknown figure"));
            if (!e.getValue().isNumber()) {
                throw new IOException(source + " $.budgets." + e.getKey() + ": expected a number");
            }
            limits.put(m, e.getValue().asDouble());
        }
        Optional<Growth> growth = Optional.empty();
        JsonNode g = o.path("growth");
        if (g.isObject()) {
            Fields gf = new Fields(g, source + " $.growth");
            String kind = gf.text("kind");
            growth = Optional.of(switch (kind) {
                case "linear" -> new Growth.Linear(gf.dbl("servicesPerMonth"));
                case "compound" -> new Growth.Compound(gf.dbl("sharePerMonth"));
                default -> throw new IOException(source + " $.growth.kind: expected linear or compound, got " + kind);
            });
        }
        Optional<ProxyMode> current = Optional.empty();
        if (o.path("currentMode").isTextual()) {
            try {
                current = Optional.of(ProxyMode.fromId(o.path("currentMode").asText()));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + " $.currentMode: unknown mode " + o.path("currentMode").asText());
            }
        }
        LocalDate date;
        try {
            date = LocalDate.parse(f.text("date"));
        } catch (DateTimeParseException e) {
            throw new IOException(source + " $.date: expected a date such as 2026-01-31, got " + f.text("date"));
        }
        ReportInput in = new ReportInput(f.text("title"), date, f.text("source"), p, new Budgets(limits), growth,
                f.dbl("horizonMonths"), f.dbl("sensitivity"), current, f.bool("redacted"));
        return new Read(in, o.path("inventory").isTextual());
    }

    /** Required fields of one object, with the path in the message. */
    private record Fields(JsonNode node, String where) {
        JsonNode node(String k) throws IOException {
            JsonNode v = node.get(k);
            if (v == null || !v.isObject()) {
                throw new IOException(where + ": missing object \"" + k + "\"");
            }
            return v;
        }

        String text(String k) throws IOException {
            JsonNode v = node.get(k);
            if (v == null || !v.isTextual()) {
                throw new IOException(where + ": missing text \"" + k + "\"");
            }
            return v.asText();
        }

        double dbl(String k) throws IOException {
            JsonNode v = node.get(k);
            if (v == null || !v.isNumber()) {
                throw new IOException(where + ": missing number \"" + k + "\"");
            }
            return v.asDouble();
        }

        long lng(String k) throws IOException {
            JsonNode v = node.get(k);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IOException(where + ": missing whole number \"" + k + "\"");
            }
            return v.asLong();
        }

        boolean bool(String k) throws IOException {
            JsonNode v = node.get(k);
            if (v == null || !v.isBoolean()) {
                throw new IOException(where + ": missing true/false \"" + k + "\"");
            }
            return v.asBoolean();
        }
    }

    /** One-line messages. */
    private static final class Cli1 {
        static String oneLine(String s) {
            return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
        }
    }
}
