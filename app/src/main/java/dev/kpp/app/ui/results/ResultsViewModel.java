package dev.kpp.app.ui.results;

import dev.kpp.app.report.Advice;
import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.app.text.Keys;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.chart.ChartRenderer;
import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.common.ClipboardService;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.ImageExport;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.advice.Advisor;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Crossover;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.SweepResult;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.Unit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * Results: the comparison (one row per metric, one column per mode), the Calico add-on, the charts
 * and the crossovers, all read from one {@link Plan} that {@link Planner#plan} computes on a worker.
 * Every input or budget change requests a new plan; while one runs, newer requests replace each
 * other and only the latest runs next (latest wins), so dragging a slider never queues stale work.
 * Until the calibration is fitted the results say so and the first plan waits for it.
 */
public final class ResultsViewModel {
    private static final System.Logger LOG = System.getLogger(ResultsViewModel.class.getName());
    private static final int LATENCY_LOG_LIMIT = 10_000;
    /** The CLI's default {@code --horizon} (months). */
    public static final double ADVICE_HORIZON_MONTHS = 12;
    /** The CLI's default {@code --sensitivity}. */
    public static final double ADVICE_SENSITIVITY = 0.5;
    /** Sizes offered when exporting all charts. */
    static final List<ImageExport.Size> GRID_SIZES = List.of(new ImageExport.Size(1600, 1000),
            new ImageExport.Size(1200, 750), new ImageExport.Size(2400, 1500), new ImageExport.Size(3200, 2000));
    /** Sizes offered when exporting one chart. */
    static final List<ImageExport.Size> CHART_SIZES = List.of(new ImageExport.Size(1200, 750),
            new ImageExport.Size(800, 500), new ImageExport.Size(1600, 1000), new ImageExport.Size(2400, 1500));

    /** What the results show right now. */
    public enum Status {
        /** The calibration is being fitted; the first plan waits for it. */
        FITTING,
        /** A plan is being computed (only before the first one: later ones replace the shown plan). */
        COMPUTING,
        /** A plan is shown. */
        READY,
        /** The last plan failed. */
        FAILED
    }

    private record Request(long stampNanos, PlanInput input, Budgets budgets, LoadedInventory inventory) {
    }

    /** A computed plan with what it was computed for. */
    private record Result(Request request, Plan plan) {
    }

    private final PlannerSession session;
    private final TaskRunner runner;
    private final Texts texts;
    private final DialogService dialogs;
    private final ClipboardService clipboard;
    private final ChartRenderer renderer;
    private final LongSupplier clock;
    private final Clock dates;
    private final ObservableList<ModeColumn> modes = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CrossoverItem> crossovers = FXCollections.observableArrayList();
    private final List<ObjectProperty<Metric>> chartMetrics = new ArrayList<>();
    private final BooleanProperty allMetrics = new SimpleBooleanProperty(this, "allMetrics");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper calico = new ReadOnlyStringWrapper(this, "calico", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.FITTING);
    private final ReadOnlyBooleanWrapper hasPlan = new ReadOnlyBooleanWrapper(this, "hasPlan");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private Result result;
    private boolean busy;
    private Request pending;
    /** A plan offered before the first request (the start-up plan), taken by the request it matches. */
    private Prepared prepared;

    /**
     * @param session   shared state (inputs, budgets and the planner in; the plan out)
     * @param runner    background work
     * @param texts     wording
     * @param dialogs   dialogs (exports)
     * @param clipboard the clipboard ("Copy as JSON")
     * @param renderer  renders charts for export
     * @param clock     nanosecond clock (input-to-chart latency)
     * @param dates     the date the advice counts from (UTC, like the CLI's)
     */
    public ResultsViewModel(PlannerSession session, TaskRunner runner, Texts texts, DialogService dialogs,
                            ClipboardService clipboard, ChartRenderer renderer, LongSupplier clock, Clock dates) {
        this.session = session;
        this.runner = runner;
        this.texts = texts;
        this.dialogs = dialogs;
        this.clipboard = clipboard;
        this.renderer = renderer;
        this.clock = clock;
        this.dates = dates;
        for (Metric m : MetricCatalog.defaultCharts()) {
            ObjectProperty<Metric> p = new SimpleObjectProperty<>(this, "chart", m);
            p.addListener(o -> updateCrossovers());
            chartMetrics.add(p);
        }
        allMetrics.addListener(o -> updateRows());
        session.inputsProperty().addListener(o -> recompute());
        session.inventoryProperty().addListener(o -> recompute());
        session.sampleProperty().addListener(o -> recompute());
        session.budgetsProperty().addListener(o -> recompute());
        session.plannerProperty().addListener(o -> recompute());
        updateModes(null);
        updateStatus();
        recompute();
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** Requests a new plan from the session's current inputs and budgets. */
    public void recompute() {
        PlanInput input;
        try {
            input = session.planInput();
        } catch (InvalidValueException e) {
            return;
        }
        Request request = new Request(clock.getAsLong(), input, session.budgetsProperty().get(),
                session.inventoryProperty().get());
        if (busy || session.plannerProperty().get() == null) {
            pending = request;
            updateStatus();
            return;
        }
        // a request queued while there was no planner is older than this one: planning it after would redo the work
        pending = null;
        launch(request);
    }

    /**
     * Offers a plan computed before the window existed (the composition root's start-up plan): the next request
     * for exactly its input and budgets, on this planner, takes it instead of planning again.
     *
     * @param planner the planner it was computed with
     * @param input   what was planned
     * @param budgets the budgets it was planned against
     * @param plan    the plan
     */
    public void offer(Planner planner, PlanInput input, Budgets budgets, Plan plan) {
        prepared = new Prepared(planner, input, budgets, plan);
    }

    private record Prepared(Planner planner, PlanInput input, Budgets budgets, Plan plan) {
    }

    private void launch(Request request) {
        Prepared ready = prepared;
        prepared = null;
        if (ready != null && request.inventory() == null && ready.planner() == session.plannerProperty().get()
                && ready.input().equals(request.input()) && ready.budgets().equals(request.budgets())) {
            apply(new Result(request, ready.plan()));
            return;
        }
        Planner planner = session.plannerProperty().get();
        busy = true;
        updateStatus();
        runner.<Plan>task(ctx -> {
            try {
                return planner.plan(request.input(), request.budgets(), ctx::isCancelled);
            } catch (CancellationException e) {
                return null;
            }
        }).named("plan")
                .onSuccess(p -> {
                    if (p != null) {
                        apply(new Result(request, p));
                    }
                })
                .onError(InvalidValueException.class, e -> {
                    // e.g. an inventory without a Service kube-proxy programs: nothing to scale
                    status.set(Status.FAILED);
                    statusText.set(texts.invalid(e));
                })
                .onError(e -> {
                    LOG.log(System.Logger.Level.ERROR, "plan failed", e);
                    status.set(Status.FAILED);
                    statusText.set(text("results.error", e.getClass().getSimpleName()));
                })
                .andFinally(() -> {
                    busy = false;
                    Request next = pending;
                    pending = null;
                    if (next != null && session.plannerProperty().get() != null) {
                        launch(next);
                    } else {
                        pending = next;
                        updateStatus();
                    }
                })
                .start();
    }

    private void updateStatus() {
        if (session.plannerProperty().get() == null) {
            status.set(Status.FITTING);
            statusText.set(text("results.status.fitting"));
        } else if (status.get() == Status.FAILED) {
            return;
        } else if (result == null) {
            status.set(Status.COMPUTING);
            statusText.set(text("results.status.computing"));
        } else {
            status.set(Status.READY);
            statusText.set("");
        }
    }

    private void apply(Result r) {
        result = r;
        hasPlan.set(true);
        session.planProperty().set(r.plan());
        ScenarioParams p = r.plan().current().scenario();
        headline.set(text("results.headline", Numbers.count(p.services()), Numbers.count(p.endpointsPerService()),
                Numbers.count(p.nodes())));
        calico.set(calicoText(r.plan().current()));
        updateModes(r.request().inventory());
        updateRows();
        updateCrossovers();
        status.set(Status.READY);
        statusText.set("");
        revision.set(revision.get() + 1);
    }

    private void updateModes(LoadedInventory inv) {
        ProxyMode inUse = inv == null ? null : inv.summary().effectiveMode().orElse(null);
        List<ModeColumn> out = new ArrayList<>();
        for (ProxyMode m : ProxyMode.values()) {
            out.add(new ModeColumn(m, texts.mode(m), m == inUse));
        }
        if (!out.equals(modes)) {
            modes.setAll(out);
        }
    }

    private String calicoText(Prediction p) {
        ScenarioParams s = p.scenario();
        return text("results.calico", Numbers.count(s.podsPerNode()), Numbers.number(s.policiesPerPod()),
                Numbers.exact(p.calicoRulesPerConnection()), Numbers.band(p.calicoAddedLatencyMs(), Unit.MILLISECONDS),
                Numbers.band(p.calicoCpuCores(), Unit.CORES));
    }

    /** @return the metrics the comparison shows: the headline ones, or all */
    public List<Metric> shownMetrics() {
        return allMetrics.get() ? MetricCatalog.all() : MetricCatalog.headline();
    }

    private void updateRows() {
        if (result == null) {
            rows.clear();
            return;
        }
        Prediction p = result.plan().current();
        Budgets budgets = result.request().budgets();
        List<ComparisonRow> out = new ArrayList<>();
        for (Metric metric : shownMetrics()) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (ModePrediction m : p.modes()) {
                double v = metric.of(m).value();
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            boolean distinct = max > min * 1.0001 + 1e-12;
            List<ComparisonRow.Cell> cells = new ArrayList<>();
            for (ModePrediction m : p.modes()) {
                Estimate e = metric.of(m);
                cells.add(new ComparisonRow.Cell(m.mode(), Numbers.format(e, metric.unit()),
                        Numbers.shownRange(e, metric.unit()),
                        metric.ranked() && distinct && e.value() <= min * (1 + 1e-9),
                        budgets.exceeds(metric, e.value()), e.confidence() == Estimate.Confidence.LOW,
                        texts.confidence(e)));
            }
            out.add(new ComparisonRow(metric, texts.label(metric), text(Keys.unit(metric.unit())),
                    text(Keys.metricTooltip(metric)), cells));
        }
        rows.setAll(out);
    }

    private void updateCrossovers() {
        if (result == null) {
            return;
        }
        List<CrossoverItem> items = new ArrayList<>();
        Set<Metric> seen = new LinkedHashSet<>();
        for (ObjectProperty<Metric> slot : chartMetrics) {
            Metric m = slot.get();
            if (m == null || !seen.add(m)) {
                continue;
            }
            for (Crossover c : result.plan().crossovers(m)) {
                items.add(new CrossoverItem(texts.label(m), describe(c), c.isBudget()));
            }
        }
        // a budget is listed where it is crossed even when no chart shows its metric
        for (Metric m : result.request().budgets().limits().keySet()) {
            if (seen.contains(m)) {
                continue;
            }
            for (Crossover c : result.plan().crossovers(m)) {
                if (c.isBudget()) {
                    items.add(new CrossoverItem(texts.label(m), describe(c), true));
                }
            }
        }
        crossovers.setAll(items);
    }

    /** @return a value with its unit: "1 s", "250m", "1 ms", "42.5%", "1,200 rules" */
    private String quantity(double v, Unit unit) {
        return switch (unit) {
            case SECONDS, MILLISECONDS, CORES, PERCENT, FRACTION, BYTES -> Numbers.format(v, unit, false);
            default -> text("results.quantity", Numbers.number(v), text(Keys.unitSymbol(unit)));
        };
    }

    private String describe(Crossover c) {
        String at = Numbers.services(c.services());
        Unit unit = c.metric().unit();
        if (c.isBudget()) {
            String limit = quantity(c.budget().orElse(c.value()), unit);
            return text(c.rising() ? "results.crossover.budgetExceeded" : "results.crossover.budgetMet",
                    texts.mode(c.mode()), limit, at);
        }
        return text("results.crossover.modes", texts.mode(c.mode()), texts.mode(c.other()), at,
                quantity(c.value(), unit));
    }

    /**
     * @param metric a chartable metric
     * @return what its chart draws for the latest plan, or null before the first
     */
    public PlotData plot(Metric metric) {
        if (result == null || metric == null) {
            return null;
        }
        Plan plan = result.plan();
        SweepResult sweep = plan.growth();
        double[] xs = sweep.values();
        List<PlotData.Series> series = new ArrayList<>();
        for (ProxyMode mode : ProxyMode.values()) {
            Estimate[] es = sweep.estimates(metric, mode);
            double[] y = new double[es.length];
            double[] lo = new double[es.length];
            double[] hi = new double[es.length];
            boolean[] low = new boolean[es.length];
            for (int i = 0; i < es.length; i++) {
                y[i] = es[i].value();
                lo[i] = es[i].low();
                hi[i] = es[i].high();
                low[i] = es[i].confidence() == Estimate.Confidence.LOW;
            }
            series.add(PlotData.Series.line(texts.mode(mode), "mode-" + mode.id(), xs, y, lo, hi, low));
        }
        Unit unit = metric.unit();
        List<PlotData.Threshold> thresholds = new ArrayList<>();
        result.request().budgets().limit(metric).ifPresent(v -> thresholds.add(new PlotData.Threshold(
                text("results.chart.budget", quantity(v, unit)), v)));
        List<PlotData.Annotation> notes = new ArrayList<>();
        for (Crossover c : plan.crossovers(metric)) {
            notes.add(new PlotData.Annotation(c.services(), c.value(), Numbers.services(c.services())));
        }
        long now = plan.current().scenario().services();
        return new PlotData(texts.label(metric), text("results.chart.xLabel"), texts.label(metric), metric.logY(),
                xs[0], xs[xs.length - 1], series, now, text("results.chart.marker", Numbers.count(now)), thresholds,
                notes, Formats.SERVICES, Formats.of(unit), text("results.chart.lowConfidence"));
    }

    /** The axis formats of the charts: everything through {@link Numbers}, with units. */
    private static final class Formats {
        static final PlotData.Format SERVICES = new PlotData.Format() {
            @Override
            public String tick(double v) {
                return Numbers.tick(v);
            }

            @Override
            public String value(double v) {
                return Numbers.count(v);
            }
        };

        static PlotData.Format of(Unit unit) {
            boolean exact = unit == Unit.RULES || unit == Unit.OBJECTS || unit == Unit.LOOKUPS;
            return new PlotData.Format() {
                @Override
                public String tick(double v) {
                    return switch (unit) {
                        // decades of seconds read as seconds on an axis ("1,000 s", not "16.7 min")
                        case SECONDS -> v >= 1 ? Numbers.number(v) + " s" : Numbers.duration(v);
                        case MILLISECONDS -> v >= 1000 ? Numbers.number(v / 1000) + " s" : Numbers.duration(v / 1000);
                        case CORES, PERCENT, FRACTION, BYTES -> Numbers.format(v, unit, false);
                        default -> Numbers.tick(v);
                    };
                }

                @Override
                public String value(double v) {
                    return Numbers.format(v, unit, exact);
                }

                @Override
                public String band(double low, double high, double ref) {
                    return Numbers.range(low, high, ref, unit, exact);
                }
            };
        }
    }

    /**
     * Called by the view once the charts show the latest plan: records the time from the input change
     * to the redrawn chart (a debug log and the status bar's tooltip, not the user's business).
     */
    public void chartsRendered() {
        if (result == null) {
            return;
        }
        double ms = (clock.getAsLong() - result.request().stampNanos()) / 1e6;
        if (latencies.size() < LATENCY_LOG_LIMIT) {
            latencies.add(ms);
        }
        timing.set(text("results.timing", Numbers.number(ms), result.plan().growth().size()));
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "input change to redrawn chart: %.1f ms (%,d services)", ms,
                result.plan().current().scenario().services()));
    }

    /** @return every recorded input-to-chart latency in ms, oldest first (a copy) */
    public List<Double> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /**
     * The latest plan's prediction as the JSON contract document, with the advisor's recommendation for
     * the window's budgets: what {@code kpp predict --format json} writes for the same input (with the
     * CLI's default advice options). Runs the advisor, so call it off the FX thread.
     *
     * @return the document, or null before the first plan
     */
    public String predictionJson() {
        Result r = result;
        Planner planner = session.plannerProperty().get();
        if (r == null || planner == null) {
            return null;
        }
        LoadedInventory inv = r.request().inventory();
        ImportResult imported = inv == null ? null : inv.result();
        Recommendation recommendation = Advice.advise(planner, r.plan().input(), imported, Optional.empty(),
                r.request().budgets(), adviceOptions()).recommendation();
        return PredictionFormats.json(r.plan().input(), r.plan().current(), imported, recommendation);
    }

    /** @return the CLI's default advice options: no growth rate, a 12-month horizon, today, ±50%, flips */
    private Advisor.Options adviceOptions() {
        return new Advisor.Options(Optional.empty(), ADVICE_HORIZON_MONTHS, LocalDate.now(dates), ADVICE_SENSITIVITY,
                true);
    }

    /** Puts the prediction's JSON on the clipboard (Edit, Copy as JSON). */
    public void copyJson() {
        if (result == null) {
            return;
        }
        runner.task(ctx -> predictionJson()).named("copy-json")
                .onSuccess(json -> {
                    if (json != null) {
                        clipboard.putText(json);
                        session.post(text("status.copied"));
                    }
                })
                .onError(e -> {
                    LOG.log(System.Logger.Level.ERROR, "copy as JSON failed", e);
                    session.post(text("results.json.error", e.getClass().getSimpleName()));
                })
                .start();
    }

    /** Asks where, then writes the prediction's JSON (File, Export prediction JSON). */
    public void exportJson() {
        if (result == null) {
            return;
        }
        String base = "kpp-prediction-" + session.sourceName().replaceAll("[^A-Za-z0-9._-]", "-");
        dialogs.chooseJsonToSave(text("results.json.export"), base + ".json").ifPresent(p -> runner.task(ctx -> {
            AtomicFiles.writeString(p, predictionJson());
            return p;
        }).named("export-json")
                .onSuccess(f -> session.post(text("status.exported", String.valueOf(f.getFileName()))))
                .onError(e -> dialogs.showError(text("results.chart.exportError.title"),
                        text("results.chart.exportError.header", String.valueOf(p.getFileName())),
                        List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())))
                .start());
    }

    /** Exports the four charts as one image (File, Export charts). */
    public void exportCharts() {
        List<PlotData> plots = new ArrayList<>();
        for (ObjectProperty<Metric> slot : chartMetrics) {
            PlotData d = plot(slot.get());
            if (d != null) {
                plots.add(d);
            }
        }
        export(plots, text("results.chart.exportAll.title"), "kpp-charts", GRID_SIZES);
    }

    /** Exports one chart (the chart's export button). */
    public void exportChart(int slot) {
        Metric m = chartMetrics.get(slot).get();
        PlotData d = plot(m);
        if (d != null) {
            export(List.of(d), text("results.chart.exportOne.title", texts.label(m)), "kpp-" + m.key(), CHART_SIZES);
        }
    }

    private void export(List<PlotData> plots, String title, String base, List<ImageExport.Size> sizes) {
        if (plots.isEmpty()) {
            return;
        }
        dialogs.chooseImageExport(title, base, sizes).ifPresent(choice -> {
            byte[] bytes;
            try {
                bytes = renderer.render(plots, choice.format(), choice.size());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "chart rendering failed", e);
                dialogs.showError(text("results.chart.exportError.title"),
                        text("results.chart.exportError.header", String.valueOf(choice.file().getFileName())),
                        List.of(e.getClass().getSimpleName()));
                return;
            }
            write(choice.file(), bytes, "export-image");
        });
    }

    private void write(Path p, byte[] bytes, String name) {
        runner.task(ctx -> {
            AtomicFiles.writeBytes(p, bytes);
            return p;
        }).named(name)
                .onSuccess(f -> session.post(text("status.exported", String.valueOf(f.getFileName()))))
                .onError(e -> dialogs.showError(text("results.chart.exportError.title"),
                        text("results.chart.exportError.header", String.valueOf(p.getFileName())),
                        List.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())))
                .start();
    }

    /** @return the mode columns, in mode order */
    public ObservableList<ModeColumn> modes() {
        return modes;
    }

    /** @return the comparison's rows (the headline metrics, or all of them) */
    public ObservableList<ComparisonRow> rows() {
        return rows;
    }

    public ObservableList<CrossoverItem> crossovers() {
        return crossovers;
    }

    /** @return the four chart slots, each choosing a metric */
    public List<ObjectProperty<Metric>> chartMetrics() {
        return chartMetrics;
    }

    /** @return the metrics a chart can show */
    public List<Metric> chartableMetrics() {
        return MetricCatalog.chartable();
    }

    /** @return a metric's label */
    public String label(Metric m) {
        return texts.label(m);
    }

    /** @return true to show every metric, false for the headline ones */
    public BooleanProperty allMetricsProperty() {
        return allMetrics;
    }

    /** @return incremented whenever the charts must be redrawn */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** @return true once a plan is shown (copy and export actions need one) */
    public ReadOnlyBooleanProperty hasPlanProperty() {
        return hasPlan.getReadOnlyProperty();
    }

    /** @return fitting, computing, ready or failed */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return what the results wait for ("Fitting the calibration…"), "" when a plan is shown */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** @return e.g. "4,000 Services × 8 endpoints on 60 nodes" */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** @return the Calico policy add-on's line */
    public ReadOnlyStringProperty calicoProperty() {
        return calico.getReadOnlyProperty();
    }

    /** @return the last input-to-chart time, for a tooltip (developer detail, not in the status text) */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }
}
