package dev.kpp.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.TextTable;
import dev.kpp.app.text.Texts;
import dev.kpp.model.advice.Check;
import dev.kpp.model.advice.Finding;
import dev.kpp.model.advice.MigrationPlan;
import dev.kpp.model.advice.NodeGroup;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.plan.Metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The advisor's recommendation as JSON (the {@code recommendation} object of the predict contract and
 * {@code kpp recommend --format json}), Markdown and a terminal table. Every sentence comes from
 * {@link Texts}, so the three, the window and the reports say the same thing with the same numbers.
 */
public final class RecommendationFormats {
    private static final Texts TEXTS = Texts.english();
    /** Tornado bars shown in text formats (all of them are in the JSON). */
    static final int TOP_BARS = 8;

    private RecommendationFormats() {
    }

    /** @return the recommendation as the contract's {@code recommendation} object */
    public static ObjectNode json(Recommendation r) {
        ObjectNode o = PredictionFormats.mapper().createObjectNode();
        o.put("mode", r.mode().id());
        o.put("action", r.action().name().toLowerCase(Locale.ROOT));
        o.put("current", r.current().id());
        o.put("certainty", r.certainty().name().toLowerCase(Locale.ROOT));
        o.put("headline", TEXTS.action(r));
        o.put("compatibilityTable", r.table());
        ObjectNode budgets = o.putObject("budgets");
        r.budgets().byKey().forEach(budgets::put);
        ArrayNode ranking = o.putArray("ranking");
        for (Recommendation.RankedMode m : r.ranking()) {
            ObjectNode x = ranking.addObject();
            x.put("mode", m.mode().id());
            x.put("score", m.score());
            x.put("blocked", m.blocked());
            x.put("comparison", m.comparison());
            x.put("meetsBudgets", m.meetsBudgets());
            findings(x.putArray("reasons"), m.reasons());
            findings(x.putArray("risks"), m.risks());
        }
        findings(o.putArray("reasons"), r.reasons());
        findings(o.putArray("risks"), r.risks());
        ArrayNode checks = o.putArray("checks");
        for (Check c : r.checks()) {
            ObjectNode x = checks.addObject();
            x.put("code", id(c.code()));
            x.put("mode", c.mode().id());
            x.put("status", id(c.status()));
            x.put("message", TEXTS.check(c));
            params(x.putObject("params"), c.params());
            nodes(x.putArray("nodes"), c.nodes());
            x.put("source", c.source());
        }
        ArrayNode crossovers = o.putArray("crossovers");
        for (Recommendation.Threshold t : r.thresholds()) {
            threshold(crossovers.addObject(), t);
        }
        ArrayNode growth = o.putArray("growth");
        for (Recommendation.GrowthDate g : r.growth()) {
            ObjectNode x = growth.addObject();
            threshold(x, g.threshold());
            x.put("months", PredictionFormats.sig(g.months(), 4));
            x.put("date", g.date().toString());
        }
        ArrayNode sens = o.putArray("sensitivity");
        for (Recommendation.Bar b : r.sensitivity()) {
            ObjectNode x = sens.addObject();
            x.put("input", b.input());
            x.put("mode", b.mode().id());
            x.put("metric", b.metric().key());
            x.put("base", PredictionFormats.sig(b.base(), 5));
            x.put("inputLow", PredictionFormats.sig(b.inputLow(), 6));
            x.put("inputHigh", PredictionFormats.sig(b.inputHigh(), 6));
            x.put("atLow", PredictionFormats.sig(b.atLow(), 5));
            x.put("atHigh", PredictionFormats.sig(b.atHigh(), 5));
        }
        ArrayNode flips = o.putArray("flips");
        for (Recommendation.Flip f : r.flips()) {
            ObjectNode x = flips.addObject();
            x.put("input", f.input());
            x.put("from", PredictionFormats.sig(f.from(), 6));
            x.put("at", PredictionFormats.sig(f.at(), 4));
            x.put("to", f.to().id());
        }
        if (r.migration() == null) {
            o.putNull("migration");
        } else {
            MigrationPlan m = r.migration();
            ObjectNode x = o.putObject("migration");
            x.put("from", m.from().id());
            x.put("to", m.to().id());
            steps(x.putArray("prerequisites"), m.prerequisites());
            m.configDiff().forEach(x.putArray("configDiff")::add);
            steps(x.putArray("rollout"), m.rollout());
            steps(x.putArray("verify"), m.verify());
            steps(x.putArray("rollback"), m.rollback());
            ArrayNode mon = x.putArray("monitoring");
            for (MigrationPlan.Monitor mo : m.monitoring()) {
                ObjectNode y = mon.addObject();
                y.put("metric", mo.metric());
                y.put("threshold", mo.threshold());
                y.put("unit", mo.unit());
                y.put("basis", mo.basis());
                y.put("message", TEXTS.messages().get(dev.kpp.app.text.Keys.monitorBasis(mo.basis())));
            }
        }
        return o;
    }

    private static void findings(ArrayNode into, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode x = into.addObject();
            x.put("code", f.codeId());
            x.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            if (f.mode() != null) {
                x.put("mode", f.mode().id());
            }
            x.put("message", TEXTS.finding(f));
            params(x.putObject("params"), f.params());
            nodes(x.putArray("nodes"), f.nodes());
        }
    }

    private static void params(ObjectNode into, Map<String, Object> params) {
        params.forEach((k, v) -> {
            if (v instanceof Long || v instanceof Integer) {
                into.put(k, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                into.put(k, PredictionFormats.sig(n.doubleValue(), 5));
            } else {
                into.put(k, String.valueOf(v));
            }
        });
    }

    private static void nodes(ArrayNode into, List<NodeGroup> groups) {
        for (NodeGroup g : groups) {
            ObjectNode x = into.addObject();
            x.put("pool", g.pool());
            x.put("kernel", g.kernelText());
            x.put("osImage", g.osImage());
            x.put("count", g.nodes());
        }
    }

    private static void steps(ArrayNode into, List<MigrationPlan.Step> steps) {
        for (MigrationPlan.Step s : steps) {
            ObjectNode x = into.addObject();
            x.put("code", id(s.code()));
            x.put("message", TEXTS.step(s));
            params(x.putObject("params"), s.params());
            s.commands().forEach(x.putArray("commands")::add);
        }
    }

    private static void threshold(ObjectNode x, Recommendation.Threshold t) {
        x.put("axis", t.axis());
        x.put("metric", t.metric().key());
        x.put("mode", t.mode().id());
        if (t.other() != null) {
            x.put("other", t.other().id());
        }
        x.put("at", PredictionFormats.sig(t.at(), 4));
        x.put("value", PredictionFormats.sig(t.value(), 4));
        if (t.budget().isPresent()) {
            x.put("budget", t.budget().getAsDouble());
        }
        x.put("rising", t.rising());
    }

    /** @return the recommendation as Markdown (the same sentences as the JSON's messages) */
    public static String markdown(Recommendation r, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append("# kpp recommendation: ").append(TEXTS.action(r)).append("\n\n");
        sb.append("- Scenario: `").append(source).append("`\n");
        sb.append("- Certainty: ").append(TEXTS.certainty(r.certainty())).append('\n');
        sb.append("- Budgets: ").append(budgets(r)).append('\n');
        sb.append("- Compatibility table: ").append(r.table()).append(", kpp ").append(AppInfo.version()).append("\n\n");
        sb.append("## Why\n\n");
        r.reasons().forEach(f -> sb.append("- ").append(TEXTS.finding(f)).append('\n'));
        sb.append("\n## Ranking\n\n| mode | score | meets budgets | blocked |\n|---|---:|---|---|\n");
        for (Recommendation.RankedMode m : r.ranking()) {
            sb.append("| ").append(TEXTS.mode(m.mode())).append(m.comparison() ? ", for comparison" : "").append(" | ")
                    .append(Numbers.number(m.score())).append(" | ").append(m.meetsBudgets() ? "yes" : "no")
                    .append(" | ").append(m.blocked() ? "yes" : "no").append(" |\n");
        }
        sb.append("\n## Risks\n\n");
        if (r.risks().isEmpty()) {
            sb.append("None found for the recommended mode.\n");
        }
        r.risks().forEach(f -> sb.append("- **").append(TEXTS.severity(f.severity())).append("**: ")
                .append(TEXTS.finding(f)).append('\n'));
        sb.append("\n## Compatibility\n\n| mode | requirement | status |\n|---|---|---|\n");
        for (Check c : r.checks()) {
            sb.append("| ").append(TEXTS.mode(c.mode())).append(" | ").append(escape(TEXTS.check(c))).append(" | ")
                    .append(TEXTS.status(c.status())).append(" |\n");
        }
        sb.append("\n## Crossovers and growth\n\n");
        List<String> cross = crossLines(r);
        if (cross.isEmpty()) {
            sb.append("No mode crosses a budget between 10 and the chart's largest Service count.\n");
        }
        cross.forEach(l -> sb.append("- ").append(l).append('\n'));
        sb.append("\n## Sensitivity\n\n| input | mode | figure | at -").append(share(r)).append(" | base | at +")
                .append(share(r)).append(" |\n|---|---|---|---:|---:|---:|\n");
        for (Recommendation.Bar b : topBars(r)) {
            sb.append("| ").append(TEXTS.field(b.input())).append(" | ").append(TEXTS.mode(b.mode())).append(" | ")
                    .append(TEXTS.label(b.metric())).append(" | ").append(fmt(b.metric(), b.atLow())).append(" | ")
                    .append(fmt(b.metric(), b.base())).append(" | ").append(fmt(b.metric(), b.atHigh())).append(" |\n");
        }
        if (!r.flips().isEmpty()) {
            sb.append("\nThe recommendation changes when:\n\n");
            r.flips().forEach(f -> sb.append("- ").append(flip(f)).append('\n'));
        }
        if (r.migration() != null) {
            MigrationPlan m = r.migration();
            sb.append(m.from() == m.to() ? "\n## Plan: set the mode explicitly (" + TEXTS.mode(m.to()) + ")"
                    : "\n## Migration plan: " + TEXTS.mode(m.from()) + " to " + TEXTS.mode(m.to()))
                    .append("\n\n### Before you start\n\n");
            steps(sb, m.prerequisites());
            sb.append("\n### The ConfigMap change\n\n```diff\n");
            m.configDiff().forEach(l -> sb.append(l).append('\n'));
            sb.append("```\n\n### Rollout\n\n");
            steps(sb, m.rollout());
            sb.append("\n### Verify\n\n");
            steps(sb, m.verify());
            sb.append("\n### Roll back\n\n");
            steps(sb, m.rollback());
            sb.append("\n### Monitor\n\n| alert when | above | because |\n|---|---:|---|\n");
            for (MigrationPlan.Monitor mo : m.monitoring()) {
                sb.append("| `").append(mo.metric()).append("` | ").append(monitorValue(mo)).append(" | ")
                        .append(TEXTS.messages().get(dev.kpp.app.text.Keys.monitorBasis(mo.basis()))).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static void steps(StringBuilder sb, List<MigrationPlan.Step> steps) {
        int n = 1;
        for (MigrationPlan.Step s : steps) {
            sb.append(n++).append(". ").append(TEXTS.step(s)).append('\n');
            if (!s.commands().isEmpty()) {
                sb.append("   ```sh\n");
                s.commands().forEach(c -> sb.append("   ").append(c).append('\n'));
                sb.append("   ```\n");
            }
        }
    }

    /** @return the recommendation for a terminal */
    public static String table(Recommendation r, String source) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s — %s%n", AppInfo.version(), source));
        sb.append(TEXTS.action(r)).append(" (certainty: ").append(TEXTS.certainty(r.certainty())).append(")\n");
        sb.append("Budgets: ").append(budgets(r)).append("\n\nWhy\n");
        r.reasons().forEach(f -> sb.append("  - ").append(TEXTS.finding(f)).append('\n'));
        sb.append('\n');
        TextTable t = new TextTable("mode", "score", "meets budgets", "blocked", "risks");
        for (Recommendation.RankedMode m : r.ranking()) {
            t.row(m.mode().id() + (m.comparison() ? ", for comparison" : ""), Numbers.number(m.score()),
                    m.meetsBudgets() ? "yes" : "no", m.blocked() ? "yes" : "no", Integer.toString(m.risks().size()));
        }
        sb.append(t.render());
        sb.append("\nRisks\n");
        if (r.risks().isEmpty()) {
            sb.append("  none found for the recommended mode\n");
        }
        r.risks().forEach(f -> sb.append("  - [").append(TEXTS.severity(f.severity())).append("] ")
                .append(TEXTS.finding(f)).append('\n'));
        List<String> cross = crossLines(r);
        if (!cross.isEmpty()) {
            sb.append("\nCrossovers and growth\n");
            cross.forEach(l -> sb.append("  - ").append(l).append('\n'));
        }
        sb.append("\nSensitivity (each input -").append(share(r)).append(" / +").append(share(r)).append(")\n");
        TextTable s = new TextTable("input", "mode", "figure", "low", "base", "high");
        for (Recommendation.Bar b : topBars(r)) {
            s.row(TEXTS.field(b.input()), b.mode().id(), TEXTS.label(b.metric()), fmt(b.metric(), b.atLow()),
                    fmt(b.metric(), b.base()), fmt(b.metric(), b.atHigh()));
        }
        sb.append(s.render());
        r.flips().forEach(f -> sb.append("  - ").append(flip(f)).append('\n'));
        if (r.migration() != null) {
            MigrationPlan m = r.migration();
            sb.append(m.from() == m.to() ? "\nPlan: set mode " + m.to().id() + " explicitly\n"
                    : "\nMigration plan: " + m.from().id() + " -> " + m.to().id() + "\n");
            section(sb, "Before you start", m.prerequisites());
            sb.append("  ConfigMap change:\n");
            m.configDiff().forEach(l -> sb.append("      ").append(l).append('\n'));
            section(sb, "Rollout", m.rollout());
            section(sb, "Verify", m.verify());
            section(sb, "Roll back", m.rollback());
            sb.append("  Monitor:\n");
            for (MigrationPlan.Monitor mo : m.monitoring()) {
                sb.append("    ").append(mo.metric()).append(" > ").append(monitorValue(mo)).append("  (")
                        .append(TEXTS.messages().get(dev.kpp.app.text.Keys.monitorBasis(mo.basis()))).append(")\n");
            }
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<MigrationPlan.Step> steps) {
        sb.append("  ").append(title).append(":\n");
        int n = 1;
        for (MigrationPlan.Step s : steps) {
            sb.append("    ").append(n++).append(". ").append(TEXTS.step(s)).append('\n');
            s.commands().forEach(c -> sb.append("       $ ").append(c).append('\n'));
        }
    }

    /**
     * @return the crossings the text formats (and the window) speak of: rising ones of the recommended or
     *         the current mode, against a budget or the other of the two
     */
    public static List<Recommendation.Threshold> concerned(Recommendation r) {
        java.util.Set<dev.kpp.model.inventory.ProxyMode> shown = java.util.EnumSet.of(r.mode(), r.current());
        return r.thresholds().stream().filter(t -> t.rising() && shown.contains(t.mode())
                && (t.isBudget() || shown.contains(t.other()))).toList();
    }

    /** @return the crossings above today's size and their dates, as sentences */
    public static List<String> crossLines(Recommendation r) {
        List<String> out = new ArrayList<>();
        for (Recommendation.Threshold t : concerned(r)) {
            out.add(crossLine(r, t));
        }
        return out;
    }

    /** @return one crossing, and its date at the growth rate, as a sentence */
    public static String crossLine(Recommendation r, Recommendation.Threshold t) {
        String date = r.growth().stream().filter(g -> g.threshold() == t).findFirst()
                .map(g -> TEXTS.messages().get("advice.crossing.date", g.date().toString(),
                        Numbers.number(g.months()))).orElse("");
        String axis = TEXTS.messages().get(t.axis().equals("services") ? "advice.crossing.services"
                : "advice.crossing.endpoints", Numbers.services(t.at()));
        if (t.isBudget()) {
            return TEXTS.messages().get("advice.crossing.budget", TEXTS.mode(t.mode()), TEXTS.label(t.metric()),
                    fmt(t.metric(), t.budget().orElse(0)), axis) + date;
        }
        return TEXTS.messages().get("advice.crossing.mode", TEXTS.mode(t.mode()), TEXTS.mode(t.other()),
                TEXTS.label(t.metric()), axis) + date;
    }

    /** @return the tornado bars the text formats show: the recommended and the current mode's, longest first */
    public static List<Recommendation.Bar> topBars(Recommendation r) {
        return r.sensitivity().stream().filter(b -> b.mode() == r.mode() || b.mode() == r.current())
                .sorted(Comparator.comparingDouble(Recommendation.Bar::swing).reversed()).limit(TOP_BARS).toList();
    }

    /** @return an input value at which the recommendation changes, as a sentence */
    public static String flip(Recommendation.Flip f) {
        return TEXTS.messages().get("advice.flip", TEXTS.field(f.input()), Numbers.number(f.from()),
                Numbers.number(f.at()), TEXTS.mode(f.to()));
    }

    /** @return a figure's value in its unit, as the text formats write it ("250m", "1.2 s") */
    public static String figure(Metric m, double v) {
        return fmt(m, v);
    }

    /** @return the sensitivity share as the text formats write it ("50%") */
    public static String sensitivityShare(Recommendation r) {
        return share(r);
    }

    /** @return a monitoring threshold's reason ("your budget") */
    public static String monitorBasis(MigrationPlan.Monitor m) {
        return TEXTS.messages().get(dev.kpp.app.text.Keys.monitorBasis(m.basis()));
    }

    /** @return the budgets scored against, as the text formats list them */
    public static String budgets(Recommendation r) {
        if (r.budgets().limits().isEmpty()) {
            return TEXTS.messages().get("advice.noBudgets");
        }
        List<String> parts = new ArrayList<>();
        r.budgets().limits().forEach((m, v) -> parts.add(TEXTS.label(m) + " "
                + fmt(m, v)));
        return String.join(", ", parts);
    }

    private static String share(Recommendation r) {
        return Numbers.share(r.sensitivityShare());
    }

    private static String fmt(Metric m, double v) {
        return Numbers.format(v, m.unit(), false);
    }

    /** @return a monitoring threshold in its unit ("1 s", "75%") */
    public static String monitorValue(MigrationPlan.Monitor m) {
        return switch (m.unit()) {
            case "seconds" -> Numbers.duration(m.threshold());
            case "ratio" -> Numbers.share(m.threshold());
            default -> Numbers.number(m.threshold());
        };
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
