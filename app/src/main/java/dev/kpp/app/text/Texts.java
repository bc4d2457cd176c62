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
