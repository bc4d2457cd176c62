package dev.kpp.app.ui.calibration;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.CurveSeries;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.FittedParameter;
import dev.kpp.model.calibration.ValidationRow;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Prediction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The calibration view: per fitted model, the benchmark points against the fitted curves, the
 * residual table, fit quality (in sample and leave-one-out), and which points inform the current
 * prediction.
 */
public final class CalibrationViewModel {
    private final PlannerSession session;
    private final Messages messages;
    private final ObservableList<FitReport> reports = FXCollections.observableArrayList();
    private final ObjectProperty<FitReport> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ValidationRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlotData> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper(this, "quality", "");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper(this, "parameters", "");
    private final ReadOnlyStringWrapper informs = new ReadOnlyStringWrapper(this, "informs", "");
    private Set<String> activeIds = Set.of();

    /**
     * @param session  shared state (the current prediction's benchmark ids)
     * @param runner   background work (the first fit runs off the FX thread)
     * @param messages wording
     * @param source   the calibration (normally {@link Calibration#embedded()})
     */
    public CalibrationViewModel(PlannerSession session, TaskRunner runner, Messages messages,
                                Supplier<Calibration> source) {
        this.session = session;
        this.messages = messages;
        selected.addListener(o -> refresh());
        session.predictionProperty().addListener(o -> {
            activeIds = ids(session.predictionProperty().get());
            refresh();
        });
        activeIds = ids(session.predictionProperty().get());
        runner.task(ctx -> source.get().reports()).named("calibration")
                .onSuccess(list -> {
                    reports.setAll(list);
                    if (!list.isEmpty()) {
                        selected.set(list.get(0));
                    }
                })
                .onError(e -> quality.set(messages.get("calibration.error", String.valueOf(e.getMessage()))))
                .start();
    }

    private static Set<String> ids(Prediction p) {
        Set<String> out = new HashSet<>();
        if (p != null) {
            for (ModePrediction m : p.modes()) {
                if (m.costs() != null) {
                    out.addAll(m.costs().benchmarkIds());
                }
            }
        }
        return out;
    }

    private void refresh() {
        FitReport r = selected.get();
        if (r == null) {
            rows.clear();
            plot.set(null);
            return;
        }
        rows.setAll(r.rows());
        quality.set(messages.get("calibration.quality", factor(r.inSampleMedianFactor()),
                factor(r.inSampleWorstFactor()), factor(r.looMedianFactor()), factor(r.looWorstFactor()),
                r.usedRows().size()));
        List<String> ps = new ArrayList<>();
        for (FittedParameter p : r.parameters()) {
            ps.add(messages.get("calibration.parameter", p.name(), Formats.number(p.value()),
                    Formats.number(p.standardError()), p.unit()));
        }
        parameters.set(String.join("\n", ps));
        long active = r.rows().stream().filter(v -> activeIds.contains(v.benchmarkId())).count();
        informs.set(active == 0 ? messages.get("calibration.informs.none")
                : messages.get("calibration.informs.some", active));
        plot.set(buildPlot(r));
    }

    private PlotData buildPlot(FitReport r) {
        List<PlotData.Series> series = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int i = 0;
        for (CurveSeries c : r.curves()) {
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < c.x().length; k++) {
                if (c.x()[k] > 0) {
                    pts.add(new double[]{c.x()[k], c.y()[k]});
                }
            }
            double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
            for (double x : xs) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            series.add(new PlotData.Series(c.label(), "cal-curve-" + (i++ % 4), xs, ys, null, null));
        }
        List<double[]> active = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        for (ValidationRow v : r.rows()) {
            if (!v.used() || !(v.x() > 0) || !(v.measured() > 0)) {
                continue;
            }
            (activeIds.contains(v.benchmarkId()) ? active : other).add(new double[]{v.x(), v.measured()});
            min = Math.min(min, v.x());
            max = Math.max(max, v.x());
        }
        if (!other.isEmpty()) {
            series.add(scatter(messages.get("calibration.chart.measured"), "cal-point", other));
        }
        if (!active.isEmpty()) {
            series.add(scatter(messages.get("calibration.chart.informing"), "cal-point-active", active));
        }
        if (!(min > 0) || max <= min) {
            min = 1;
            max = 10;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        return new PlotData(r.xLabel(), r.unit(), true, lo, hi, series, Double.NaN, "", List.of(), List.of());
    }

    private static PlotData.Series scatter(String name, String style, List<double[]> pts) {
        double[] xs = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p[1]).toArray();
        return new PlotData.Series(name, style, xs, ys, null, null, true);
    }

    private static String factor(double f) {
        return Double.isFinite(f) ? "×" + Formats.number(f) : "–";
    }

    /** @return true when the row's benchmark informs the current prediction */
    public boolean informsCurrent(ValidationRow row) {
        return activeIds.contains(row.benchmarkId());
    }

    /** @return a number for the table ("–" for NaN) */
    public String format(double v) {
        return Double.isFinite(v) ? Formats.number(v) : "–";
    }

    /** @return a factor error for the table */
    public String formatFactor(double f) {
        return factor(f);
    }

    /** @return a report's menu text */
    public String reportLabel(FitReport r) {
        return r == null ? "" : r.title();
    }

    public ObservableList<FitReport> reports() {
        return reports;
    }

    public ObjectProperty<FitReport> selectedProperty() {
        return selected;
    }

    public ObservableList<ValidationRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<PlotData> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty informsProperty() {
        return informs.getReadOnlyProperty();
    }
}
