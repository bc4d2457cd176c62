package dev.kpp.app.report;

import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;

import java.util.Optional;

/**
 * Everything a report shows, computed once: the plan and the advice through {@link Advice} (the one way
 * the CLI and the window get them), the inventory summary and the import's provenance, and the
 * calibration's fit reports. Every report format reads this one object.
 *
 * @param input          what the report was asked for
 * @param planInput      the plan input
 * @param imported       the import behind an inventory report (redacted when the report is), or null
 * @param plan           the plan
 * @param recommendation the advice
 * @param summary        the inventory (or the sample) summarised
 * @param calibration    the calibration the plan used
 * @param sample         the built-in sample the scenario starts from, if any
 */
public record ReportModel(ReportInput input, PlanInput planInput, ImportResult imported, Plan plan,
                          Recommendation recommendation, InventorySummary summary, Calibration calibration,
                          Optional<Sample> sample) {
    /**
     * Computes a report.
     *
     * @param planner  the planner
     * @param input    the report input
     * @param imported the imported inventory (already redacted for a redacted report), or null for a
     *                 synthetic scenario
     * @return the model
     */
    public static ReportModel compute(Planner planner, ReportInput input, ImportResult imported) {
        PlanInput planInput = imported == null ? PlanInput.synthetic(input.source(), input.params())
                : new PlanInput(input.source(), input.params(),
                InventoryScenario.derive(imported.inventory(), ScenarioParams.defaults()));
        Advice.Result a = Advice.advise(planner, planInput, imported, input.currentMode(), input.budgets(),
                input.options());
        Optional<Sample> sample = input.source().startsWith("sample:")
                ? Samples.byName(input.source().substring("sample:".length())) : Optional.empty();
        InventorySummary summary = imported != null ? InventorySummary.of(imported.inventory())
                : sample.map(InventorySummary::ofSample).orElse(null);
        return new ReportModel(input, planInput, imported, a.plan(), a.recommendation(), summary,
                planner.calibration(), sample);
    }

    /** @return true for a report on an imported inventory */
    public boolean fromInventory() {
        return imported != null;
    }
}
