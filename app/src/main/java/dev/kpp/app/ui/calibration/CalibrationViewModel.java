package dev.kpp.app.ui.calibration;

import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.CurveSeries;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.FittedParameter;
import dev.kpp.model.calibration.ValidationRow;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Plan;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calibration view: per fitted model, the benchmark points (coloured by the series they belong
 * to, the ones informing the current prediction ringed) against the fitted curves, the residual table,
 * fit quality (in sample and leave-one-out), and which points inform the current prediction. It
 * shows the calibration the composition root fitted ({@link PlannerSession#calibrationProperty()});
 * until the user picks a model, it shows the one that informs the current prediction most.
 */
public final class CalibrationViewModel {
    /** Colours available for series (CSS classes {@code cal-series-0..}). */
    static final int SERIES_COLOURS = 8;

    private final PlannerSession session;
    private final Texts texts;
    private final ObservableList<FitReport> reports = FXCollections.observableArrayList();
    private final ObjectProperty<FitReport> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ValidationRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlotData> plot = new ReadOnlyObjectWrapper<>(this, "plot");
    private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper(this, "quality", "");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper(this, "parameters", "");
    private final ReadOnlyStringWrapper informs = new ReadOnlyStringWrapper(this, "informs", "");
    private Set<String> activeIds = Set.of();
    private boolean picking;
    private boolean userPicked;

    /**
     * @param session shared state (the fitted calibration and the current prediction's benchmark ids)
     * @param texts   wording
     */
    public CalibrationViewModel(PlannerSession session, Texts texts) {
        this.session = session;
        this.texts = texts;
        quality.set(texts.messages().get("results.status.fitting"));
        selected.addListener((obs, o, n) -> {
            if (!picking && n != null) {
                userPicked = true;
            }
            refresh();
        });
        session.planProperty().addListener(o -> {
            activeIds = ids(session.planProperty().get());
            pickDefault();
            refresh();
        });
        session.calibrationProperty().addListener(o -> load(session.calibrationProperty().get()));
        activeIds = ids(session.planProperty().get());
        load(session.calibrationProperty().get());
    }

    private void load(Calibration c) {
        if (c == null) {
            return;
        }
        reports.setAll(c.reports());
        pickDefault();
        refresh();
    }

    /** Selects the model whose benchmark points inform the current prediction most (until the user picks). */
    private void pickDefault() {
        if (userPicked || reports.isEmpty()) {
            return;
        }
        FitReport best = reports.stream()
                .max(Comparator.comparingLong(this::informing).thenComparing(r -> -reports.indexOf(r)))
                .orElse(reports.get(0));
        picking = true;
        try {
            selected.set(best);
        } finally {
            picking = false;
        }
    }

    private long informing(FitReport r) {
        return r.rows().stream().filter(v -> v.used() && activeIds.contains(v.benchmarkId())).count();
    }

    private static Set<String> ids(Plan p) {
        Set<String> out = new HashSet<>();
        if (p != null) {
            for (ModePrediction m : p.current().modes()) {
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
        quality.set(texts.messages().get("calibration.quality", factor(r.inSampleMedianFactor()),
                factor(r.inSampleWorstFactor()), factor(r.looMedianFactor()), factor(r.looWorstFactor()),
                r.usedRows().size()));
        List<String> ps = new ArrayList<>();
        for (FittedParameter p : r.parameters()) {
            ps.add(texts.messages().get("calibration.parameter", p.name(), Numbers.number(p.value()),
                    Numbers.number(p.standardError()), p.unit()));
        }
        parameters.set(String.join("\n", ps));
        long active = informing(r);
        informs.set(active == 0 ? texts.messages().get("calibration.informs.none")
                : texts.messages().get("calibration.informs.some", active));
        plot.set(buildPlot(r));
    }

    private PlotData buildPlot(FitReport r) {
        // one colour per series: the measured points of a series and its fitted curve share it
        Map<String, Integer> colour = new LinkedHashMap<>();
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        List<PlotData.Annotation> rings = new ArrayList<>();
        for (ValidationRow v : r.rows()) {
            if (!v.used() || !(v.x() > 0) || !(v.measured() > 0)) {
                continue;
            }
            colour.putIfAbsent(v.note(), colour.size());
            points.computeIfAbsent(v.note(), k -> new ArrayList<>()).add(new double[]{v.x(), v.measured()});
            if (activeIds.contains(v.benchmarkId())) {
                rings.add(new PlotData.Annotation(v.x(), v.measured(), ""));
            }
            min = Math.min(min, v.x());
            max = Math.max(max, v.x());
        }
        List<PlotData.Series> series = new ArrayList<>();
        for (CurveSeries c : r.curves()) {
            List<double[]> pts = new ArrayList<>();
            for (int k = 0; k < c.x().length; k++) {
                if (c.x()[k] > 0) {
                    pts.add(new double[]{c.x()[k], c.y()[k]});
                }
            }
            for (double[] p : pts) {
                min = Math.min(min, p[0]);
                max = Math.max(max, p[0]);
            }
            int index = colour.entrySet().stream().filter(e -> c.label().startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseGet(() -> {
                        int i = colour.size();
                        colour.put(c.label(), i);
                        return i;
                    });
            series.add(PlotData.Series.line(c.label(), style(index), pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray(), null, null, null));
        }
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> pts = e.getValue();
            series.add(PlotData.Series.points(texts.messages().get("calibration.chart.measured", e.getKey()),
                    style(colour.get(e.getKey())), pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray()));
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
        PlotData.Format plain = new PlotData.Format() {
            @Override
            public String tick(double v) {
                return Numbers.tick(v);
            }

            @Override
            public String value(double v) {
                return Numbers.number(v);
            }
        };
        return new PlotData(r.title(), r.xLabel(), r.unit(), true, lo, hi, series, Double.NaN, "", List.of(), rings,
                plain, plain, "");
    }

    private static String style(int index) {
        return "cal-series-" + (index % SERIES_COLOURS);
    }

    private static String factor(double f) {
        return Double.isFinite(f) ? "×" + Numbers.number(f) : "–";
    }

    /** @return true when the row's benchmark informs the current prediction */
    public boolean informsCurrent(ValidationRow row) {
        return activeIds.contains(row.benchmarkId());
    }

    /** @return a number for the table ("–" for NaN) */
    public String format(double v) {
        return Double.isFinite(v) ? Numbers.number(v) : "–";
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
