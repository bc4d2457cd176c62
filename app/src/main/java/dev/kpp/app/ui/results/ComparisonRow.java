package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Metric;

import java.util.List;

/**
 * One row of the comparison: a metric, and one cell per mode.
 *
 * @param metric  the metric
 * @param label   its label
 * @param unit    its unit, as a column note ("time", "rules")
 * @param tooltip what it means
 * @param cells   one per mode, in mode order
 */
public record ComparisonRow(Metric metric, String label, String unit, String tooltip, List<Cell> cells) {
    public ComparisonRow {
        cells = List.copyOf(cells);
    }

    /**
     * One mode's value of the metric.
     *
     * @param mode          the mode
     * @param value         the value with its unit ("230 ms")
     * @param band          its band ("120–450 ms"), "" without spread
     * @param best          the lowest of the modes (only for metrics where lower is better and comparable)
     * @param overBudget    above the user's budget
     * @param lowConfidence the estimate is of low confidence
     * @param note          why it is of low confidence ("" otherwise)
     */
    public record Cell(ProxyMode mode, String value, String band, boolean best, boolean overBudget,
                       boolean lowConfidence, String note) {
    }

    /** @return the cell of a mode */
    public Cell cell(ProxyMode mode) {
        return cells.stream().filter(c -> c.mode() == mode).findFirst().orElseThrow();
    }
}
