package dev.kpp.model.advice;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The advisor's answer for one scenario: which mode to run, how sure kpp is, why, what can break,
 * when budgets are crossed, what moves the result, and how to switch. Codes and numbers only: the
 * CLI, the window and the reports word it through the same bundle.
 *
 * @param mode        the recommended kube-proxy mode
 * @param action      stay on the current mode, or switch to {@code mode}
 * @param current     the mode the cluster runs today
 * @param certainty   how sure the recommendation is
 * @param ranking     every mode, best first (eBPF included as a comparison)
 * @param reasons     why, each built from computed numbers
 * @param risks       what can break, for the recommended and the current mode
 * @param checks      every compatibility and lifecycle check of every mode
 * @param thresholds  where modes cross budgets or each other, against Services and endpoints per Service
 * @param growth      when each crossing above today's size is reached (empty without a growth rate)
 * @param sensitivity how much each input moves each budgeted figure (a tornado per mode and metric)
 * @param sensitivityShare the share by which each input was lowered and raised
 * @param flips       the input values at which the recommendation changes
 * @param migration   the migration plan (or, when staying on an implicit default, the plan to pin it); null
 *                    when there is nothing to do
 * @param budgets     the budgets scored against
 * @param table       the version of the compatibility table used ({@link Compatibility#TABLE_VERSION})
 */
public record Recommendation(ProxyMode mode, Action action, ProxyMode current, Certainty certainty,
                             List<RankedMode> ranking, List<Finding> reasons, List<Finding> risks, List<Check> checks,
                             List<Threshold> thresholds, List<GrowthDate> growth, List<Bar> sensitivity,
                             double sensitivityShare, List<Flip> flips, MigrationPlan migration, Budgets budgets, String table) {
    public Recommendation {
        ranking = List.copyOf(ranking);
        reasons = List.copyOf(reasons);
        risks = List.copyOf(risks);
        checks = List.copyOf(checks);
        thresholds = List.copyOf(thresholds);
        growth = List.copyOf(growth);
        sensitivity = List.copyOf(sensitivity);
        flips = List.copyOf(flips);
    }

    /** What to do. */
    public enum Action {
        /** Keep the current mode. */
        STAY,
        /** Move to the recommended mode. */
        SWITCH
    }

    /** How sure the recommendation is. */
    public enum Certainty {
        HIGH, MEDIUM, LOW
    }

    /**
     * One mode's place in the ranking.
     *
     * @param mode       the mode
     * @param score      0..100, higher is better (budgets, headroom, risks, lifecycle, switching cost)
     * @param blocked    true when a check stops the mode
     * @param comparison true for eBPF: a kube-proxy replacement shown for comparison, never the recommendation
     * @param meetsBudgets true when every budget is met at the inputs
     * @param reasons    its reasons
     * @param risks      its risks
     */
    public record RankedMode(ProxyMode mode, double score, boolean blocked, boolean comparison, boolean meetsBudgets,
                             List<Finding> reasons, List<Finding> risks) {
        public RankedMode {
            reasons = List.copyOf(reasons);
            risks = List.copyOf(risks);
        }
    }

    /**
     * Where a curve crosses a budget or another mode's curve.
     *
     * @param axis   the input along which: {@code services} or {@code endpointsPerService}
     * @param metric the metric
     * @param mode   the mode whose curve rises above
     * @param other  the mode it rises above, or null for a budget
     * @param at     the input's value at the crossing
     * @param value  the metric's value there
     * @param budget the budget, for a budget crossing
     * @param rising true when {@code mode} rises above as the input grows
     */
    public record Threshold(String axis, Metric metric, ProxyMode mode, ProxyMode other, double at, double value,
                            OptionalDouble budget, boolean rising) {
        /** @return true for a budget crossing */
        public boolean isBudget() {
            return other == null;
        }
    }

    /**
     * When a crossing is reached at the growth rate.
     *
     * @param threshold the crossing (on the Services axis)
     * @param months    months from today
     * @param date      the date
     */
    public record GrowthDate(Threshold threshold, double months, LocalDate date) {
    }

    /**
     * One bar of a tornado: a figure at the input lowered and raised by the same share.
     *
     * @param input  the input's id (scenario JSON key)
     * @param mode   the mode
     * @param metric the figure
     * @param base   the figure at the inputs
     * @param inputLow  the input lowered
     * @param inputHigh the input raised
     * @param atLow  the figure with the input lowered
     * @param atHigh the figure with the input raised
     */
    public record Bar(String input, ProxyMode mode, Metric metric, double base, double inputLow, double inputHigh,
                      double atLow, double atHigh) {
        /** @return the bar's length: the larger relative change */
        public double swing() {
            if (base == 0) {
                return Math.max(Math.abs(atLow), Math.abs(atHigh));
            }
            return Math.max(Math.abs(atLow - base), Math.abs(atHigh - base)) / Math.abs(base);
        }
    }

    /**
     * An input value at which the recommendation changes.
     *
     * @param input the input's id
     * @param from  its value in the scenario
     * @param at    the value at which the recommendation changes
     * @param to    the mode recommended from there on
     */
    public record Flip(String input, double from, double at, ProxyMode to) {
    }
}
