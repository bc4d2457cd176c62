package dev.kpp.model.plan;

import java.util.List;

/**
 * Everything the window, the CLI and the reports show for one scenario: the prediction at the
 * inputs, the prediction against the number of Services (the charts' data), the budgets and where
 * curves cross. One object feeds all three, so they show the same numbers.
 *
 * @param input      what was planned
 * @param current    the prediction at the inputs
 * @param growth     predictions at log-spaced Service counts around the inputs
 * @param budgets    the budgets the crossovers were computed against
 * @param crossovers every crossing of two modes or of a mode and a budget, for every chartable metric
 */
public record Plan(PlanInput input, Prediction current, SweepResult growth, Budgets budgets,
                   List<Crossover> crossovers) {
    public Plan {
        crossovers = List.copyOf(crossovers);
    }

    /** @return the crossings of one metric, by Service count */
    public List<Crossover> crossovers(Metric metric) {
        return crossovers.stream().filter(c -> c.metric() == metric).toList();
    }
}
