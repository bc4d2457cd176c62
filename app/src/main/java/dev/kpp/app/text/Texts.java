package dev.kpp.app.text;

import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Assumption;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.PlanWarning;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns the model's and the importer's codes into sentences, through the message bundle. The CLI,
 * the window and the reports all word things through this class.
 */
public final class Texts {
    private final Messages messages;

    /** @param messages the bundle */
    public Texts(Messages messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    /** @return English wording, as the CLI and the reports use it */
    public static Texts english() {
        return new Texts(Messages.english());
    }

    /** @return the bundle */
    public Messages messages() {
        return messages;
    }

    /** @return a mode's display name */
    public String mode(ProxyMode mode) {
        return messages.get(Keys.mode(mode));
    }

    /** @return a metric's label */
    public String label(Metric m) {
        return messages.get(Keys.metricLabel(m));
    }

    /** @return a scenario input's label, e.g. "Services" */
    public String field(String id) {
        try {
            return messages.get(Keys.field(ScenarioField.fromId(id)));
        } catch (InvalidValueException e) {
            String key = Keys.field(id);
            return messages.has(key) ? messages.get(key) : id;
        }
    }

    /**
     * @param e         the rejected value
     * @param fieldName how to name the field (the CLI: its flag; the window: its label)
     * @return e.g. "--services must be between 0 and 1,000,000 (got -3)"
     */
    public String invalid(InvalidValueException e, Function<String, String> fieldName) {
        boolean share = isShare(e.field());
        return messages.get(Keys.invalid(e.code()), fieldName.apply(e.field()), bound(e.min(), share),
                bound(e.max(), share), share && e.code() != InvalidValueException.Code.AMBIGUOUS_SHARE
                        && e.code() != InvalidValueException.Code.NOT_A_NUMBER ? bound(e.actual(), true) : e.actual());
    }

    /** @return true when the input is a share (its bounds and values read as percentages) */
    private static boolean isShare(String field) {
        try {
            return ScenarioField.fromId(field).kind() == ScenarioField.Kind.SHARE;
        } catch (InvalidValueException ex) {
            return false;
        }
    }

    /** @return the rejected value named by its label */
    public String invalid(InvalidValueException e) {
        return invalid(e, this::field);
    }

    private static String bound(String text, boolean share) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            double v = Double.parseDouble(text);
            return share ? Numbers.share(v) : Numbers.number(v);
        } catch (NumberFormatException ex) {
            return text;
        }
    }

    /** @return a planner warning as a sentence with its numbers */
    public String warning(PlanWarning w) {
        return messages.get(Keys.warning(w.code()), args(w.params()));
    }

    /** @return an assumption as a sentence, e.g. "No nodes in the inventory: 20 nodes assumed" */
    public String assumption(Assumption a) {
        return messages.get(Keys.assumption(a.code()), field(a.field()), a.used(), a.seen());
    }

    /**
     * @return why an estimate is of low confidence, as a sentence ("Fitted on benchmarks from a single
     *         source."); "" for exact and high-confidence estimates
     */
    public String confidence(Estimate e) {
        if (e.confidence() != Estimate.Confidence.LOW) {
            return "";
        }
        String key = Keys.reason(e.reason());
        if (!e.reason().isEmpty() && messages.has(key)) {
            return messages.get("reason.low", messages.get(key));
        }
        return messages.get("reason.low", messages.get("reason.unspecified"));
    }

    /** @return an inventory note as a sentence */
    public String note(InventorySummary.Note n) {
        return messages.get(Keys.note(n));
    }

    /**
     * @return one import problem as a line: "cluster.json:12:5: the file ends in the middle of an object
     *         (truncated?)"; the detail (the parser's words) follows where it adds something
     */
    public String problem(ImportProblem p) {
        String line = "import.problem." + p.code();
        if (messages.has(line)) {
            // a whole-line wording: {0} the source, {1} the location, {2} the detail
            return messages.get(line, p.source(), p.location(), p.detail());
        }
        StringBuilder sb = new StringBuilder(p.source());
        if (!p.location().isEmpty()) {
            sb.append(p.location().startsWith("$") ? " at " : ":").append(p.location());
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        String key = Keys.problem(p);
        if (messages.has(key)) {
            sb.append(messages.get(key)).append(" [").append(p.code()).append(']');
            if (!p.detail().isEmpty()) {
                sb.append(" (").append(p.detail()).append(')');
            }
        } else {
            sb.append(p.code());
            if (!p.detail().isEmpty()) {
                sb.append(": ").append(p.detail());
            }
        }
        return sb.toString();
    }

    /** @return a reason or risk of the advisor as a sentence with its numbers (and the node groups it names) */
    public String finding(dev.kpp.model.advice.Finding f) {
        List<Object> args = new ArrayList<>();
        args.add(f.mode() == null ? "" : mode(f.mode()));
        Map<String, Object> params = f.params();
        if (params.containsKey("check")) {
            // a finding that cites a check: {1} is the check's own sentence
            args.add(checkSentence((String) params.get("check"), f.mode(), params));
        } else {
            args.addAll(adviceArgs(params));
        }
        String key = Keys.finding(f.code());
        if (f.code() == dev.kpp.model.advice.Finding.Code.LOCALHOST_NODEPORTS
                && !(params.get("packets") instanceof Number n && n.doubleValue() > 0)) {
            key = key + ".unobserved";
        }
        String text = messages.get(key, args.toArray());
        return f.nodes().isEmpty() ? text : text + " " + nodes(f.nodes());
    }

    /** @return a compatibility check as a sentence */
    public String check(dev.kpp.model.advice.Check c) {
        return checkSentence(c.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), c.mode(),
                c.params());
    }

    private String checkSentence(String codeId, ProxyMode mode, Map<String, Object> params) {
        dev.kpp.model.advice.Check.Code code = dev.kpp.model.advice.Check.Code.valueOf(
                codeId.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        Map<String, Object> rest = new java.util.LinkedHashMap<>(params);
        rest.remove("check");
        List<Object> args = new ArrayList<>();
        args.add(mode == null ? "" : mode(mode));
        args.addAll(adviceArgs(rest));
        return messages.get(Keys.check(code), args.toArray());
    }

    /** @return the word for a check's outcome */
    public String status(dev.kpp.model.advice.Check.Status s) {
        return messages.get(Keys.checkStatus(s));
    }

    /** @return a migration step as a sentence with its numbers */
    public String step(dev.kpp.model.advice.MigrationPlan.Step s) {
        return messages.get(Keys.step(s.code()), adviceArgs(s.params()).toArray());
    }

    /** @return node groups as text: "legacy-rhel8: 3 nodes (kernel 4.18.0-553)" */
    public String nodes(List<dev.kpp.model.advice.NodeGroup> groups) {
        List<String> parts = new ArrayList<>();
        for (dev.kpp.model.advice.NodeGroup g : groups) {
            parts.add(messages.get("advice.nodeGroup", g.label(), Numbers.count(g.nodes()),
                    g.kernelText().isEmpty() ? messages.get("advice.kernelUnknown") : g.kernelText()));
        }
        return "(" + String.join("; ", parts) + ")";
    }

    /** @return the headline: "Switch to nftables" or "Stay on iptables" */
    public String action(dev.kpp.model.advice.Recommendation r) {
        return messages.get(Keys.action(r.action()), mode(r.mode()), mode(r.current()));
    }

    /** @return the word for a certainty */
    public String certainty(dev.kpp.model.advice.Recommendation.Certainty c) {
        return messages.get(Keys.certainty(c));
    }

    /** @return the word for a severity */
    public String severity(dev.kpp.model.advice.Finding.Severity s) {
        return messages.get(Keys.severity(s));
    }

    /**
     * @return advice parameters formatted by meaning: figures in their metric's unit, shares as
     *         percentages, modes and inputs by name, dates as a clause
     */
    List<Object> adviceArgs(Map<String, Object> params) {
        Metric metric = params.get("metric") instanceof String k ? Metric.byKey(k).orElse(null) : null;
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            out.add(switch (k) {
                case "metric" -> metric == null ? String.valueOf(v) : label(metric);
                case "value", "limit", "saving", "high", "low", "after" -> v instanceof Number n && metric != null
                        ? Numbers.format(n.doubleValue(), metric.unit(), false) : plain(v);
                case "share", "threshold" -> v instanceof Number n ? Numbers.share(n.doubleValue()) : plain(v);
                case "drivers" -> drivers(String.valueOf(v));
                case "input" -> field(String.valueOf(v));
                case "other", "from", "to" -> modeName(String.valueOf(v));
                case "date" -> String.valueOf(v).isEmpty() ? "" : messages.get("advice.onDate", v);
                case "coldStart", "firstSync", "firstSyncHigh" -> v instanceof Number n
                        ? Numbers.duration(n.doubleValue()) : plain(v);
                case "stage" -> messages.get("advice.stage." + v);
                case "reason" -> messages.has("confidence.reason." + v) ? messages.get("confidence.reason." + v)
                        : String.valueOf(v);
                default -> plain(v);
            });
        }
        return out;
    }

    private String drivers(String csv) {
        if (csv.isEmpty()) {
            return messages.get("advice.driversUnknown");
        }
        List<String> names = new ArrayList<>();
        for (String id : csv.split(",")) {
            names.add(field(id));
        }
        return String.join(messages.get("advice.and"), names);
    }

    private String modeName(String id) {
        try {
            return mode(ProxyMode.fromId(id));
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String plain(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return Numbers.count(((Number) v).doubleValue());
        }
        if (v instanceof Double d) {
            return Numbers.number(d);
        }
        return String.valueOf(v);
    }

    /** @return parameters formatted for a message: counts grouped, shares as percentages */
    static Object[] args(Map<String, Object> params) {
        List<Object> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object v = e.getValue();
            String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (v instanceof Double d) {
                out.add(k.endsWith("share") || k.endsWith("utilization") ? Numbers.share(d) : Numbers.number(d));
            } else if (v instanceof Long || v instanceof Integer) {
                out.add(Numbers.count(((Number) v).doubleValue()));
            } else {
                out.add(String.valueOf(v));
            }
        }
        return out.toArray();
    }
}
