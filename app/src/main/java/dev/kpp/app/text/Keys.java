package dev.kpp.app.text;

import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Assumption;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.PlanWarning;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.Unit;

import java.util.Locale;

/**
 * The one place where the model's codes become message keys. Each key is {@code <namespace>.<code id>};
 * {@code MessagesConsistencyTest} walks every code of every enum and checks its key exists.
 */
public final class Keys {
    private Keys() {
    }

    /** @return the display name of a mode */
    public static String mode(ProxyMode mode) {
        return "mode." + mode.id();
    }

    /** @return the label of a metric */
    public static String metricLabel(Metric m) {
        return "metric." + m.key() + ".label";
    }

    /** @return the short label of a metric (narrow table columns) */
    public static String metricShort(Metric m) {
        return "metric." + m.key() + ".short";
    }

    /** @return the tooltip of a metric */
    public static String metricTooltip(Metric m) {
        return "metric." + m.key() + ".tooltip";
    }

    /** @return the unit's name as an axis or column label */
    public static String unit(Unit u) {
        return "unit." + u.id();
    }

    /** @return the unit's short symbol after a typed value ("s", "cores", "ms", "%") */
    public static String unitSymbol(Unit u) {
        return "unit." + u.id() + ".symbol";
    }

    /**
     * @return the explanation of an estimate's confidence reason code (may be missing for codes
     *         added later: {@link Texts#confidence} falls back to a generic sentence)
     */
    public static String reason(String code) {
        return "reason." + code;
    }

    /** @return the sentence of a planner warning */
    public static String warning(PlanWarning.Code c) {
        return "warning." + c.id();
    }

    /** @return the sentence of an assumption */
    public static String assumption(Assumption.Code c) {
        return "assumption." + c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the sentence of an inventory note */
    public static String note(InventorySummary.Note n) {
        return "note." + n.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the sentence of a rejected value */
    public static String invalid(InvalidValueException.Code c) {
        return "invalid." + c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the label of a scenario input */
    public static String field(ScenarioField f) {
        return "field." + f.id();
    }

    /** @return the label of an input that is not a scenario field (e.g. {@code points}, {@code vary}) */
    public static String field(String id) {
        return "field." + id;
    }

    /** @return the sentence of an advisor finding (a reason or a risk) */
    public static String finding(dev.kpp.model.advice.Finding.Code c) {
        return "finding." + id(c);
    }

    /** @return the sentence of a compatibility check */
    public static String check(dev.kpp.model.advice.Check.Code c) {
        return "check." + id(c);
    }

    /** @return the word for a check's outcome */
    public static String checkStatus(dev.kpp.model.advice.Check.Status s) {
        return "check.status." + id(s);
    }

    /** @return the sentence of a migration step */
    public static String step(dev.kpp.model.advice.MigrationPlan.StepCode c) {
        return "step." + id(c);
    }

    /** @return the word for a certainty */
    public static String certainty(dev.kpp.model.advice.Recommendation.Certainty c) {
        return "certainty." + id(c);
    }

    /** @return the headline of an action ({0}: the mode) */
    public static String action(dev.kpp.model.advice.Recommendation.Action a) {
        return "action." + id(a);
    }

    /** @return the word for a severity */
    public static String severity(dev.kpp.model.advice.Finding.Severity s) {
        return "severity." + id(s);
    }

    /** @return the explanation of where a monitoring threshold comes from */
    public static String monitorBasis(String basis) {
        return "monitor.basis." + basis;
    }

    private static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the explanation of an import problem code (may be missing for codes added later) */
    public static String problem(ImportProblem problem) {
        return "problem." + problem.code();
    }
}
