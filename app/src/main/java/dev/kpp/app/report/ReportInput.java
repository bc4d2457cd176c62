package dev.kpp.app.report;

import dev.kpp.model.advice.Advisor;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.scenario.ScenarioParams;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report is computed from besides an imported inventory: the scenario, the budgets, the
 * advisor's options, the date and the title. The PDF carries it as an embedded file
 * ({@link ReportInputCodec}), so {@code kpp report --from report.pdf} computes the same report again.
 *
 * @param title         the title ("" for the default)
 * @param date          the report date (growth dates count from it)
 * @param source        where the inputs came from ({@code sample:tigera-10k}, {@code defaults},
 *                      {@code inventory:...})
 * @param params        the resolved scenario
 * @param budgets       the budgets
 * @param growth        the growth rate, if any
 * @param horizonMonths how far ahead the budgets must hold
 * @param sensitivity   the tornado's share
 * @param currentMode   the mode the cluster runs, for a scenario without an inventory
 * @param redacted      names, addresses and paths are pseudonymised
 */
public record ReportInput(String title, LocalDate date, String source, ScenarioParams params, Budgets budgets,
                          Optional<Growth> growth, double horizonMonths, double sensitivity,
                          Optional<ProxyMode> currentMode, boolean redacted) {
    public ReportInput {
        title = title == null ? "" : title;
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(growth, "growth");
        Objects.requireNonNull(currentMode, "currentMode");
    }

    /** @return the advisor's options (flips on, as the CLI's {@code recommend}) */
    public Advisor.Options options() {
        return new Advisor.Options(growth, horizonMonths, date, sensitivity, true);
    }

    /** @return a copy with another source label and the redaction flag set */
    public ReportInput redactedAs(String redactedSource) {
        return new ReportInput(title, date, redactedSource, params, budgets, growth, horizonMonths, sensitivity,
                currentMode, true);
    }
}
