package dev.kpp.app.ui.results;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.Budgets;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.session.ScenarioInputs;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Results: the comparison table, the charts and the crossovers. Every input change requests a
 * recomputation on a worker; while one runs, newer requests replace each other and only the latest
 * runs next (latest wins), so dragging a slider never queues stale work.
 */
public final class ResultsViewModel {
    private static final System.Logger LOG = System.getLogger(ResultsViewModel.class.getName());
    private static final int LATENCY_LOG_LIMIT = 10_000;

    private final PlannerSession session;
    private final TaskRunner runner;
    private final Messages messages;
    private final LongSupplier clock;
    private final ObservableList<ModeRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CrossoverItem> crossovers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PlanResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final List<ObjectProperty<Metric>> chartMetrics = new ArrayList<>();
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final ReadOnlyDoubleWrapper lastLatencyMillis = new ReadOnlyDoubleWrapper(this, "lastLatencyMillis");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private boolean busy;
    private PlanRequest pending;

    /**
     * @param session  shared state (inputs in, prediction out)
     * @param runner   background work
     * @param messages wording
     * @param clock    nanosecond clock (latency measurement)
     */
    public ResultsViewModel(PlannerSession session, TaskRunner runner, Messages messages, LongSupplier clock) {
        this.session = session;
        this.runner = runner;
        this.messages = messages;
        this.clock = clock;
        for (Metric m : MetricCatalog.defaultCharts()) {
            ObjectProperty<Metric> p = new SimpleObjectProperty<>(this, "chart", m);
            p.addListener(o -> updateCrossovers());
            chartMetrics.add(p);
        }
        session.inputsProperty().addListener(o -> recompute());
        session.inventoryProperty().addListener(o -> recompute());
        session.sampleProperty().addListener(o -> recompute());
        session.budgetsProperty().addListener(o -> {
            PlanResult r = result.get();
            if (r != null) {
                rows.setAll(rows(r.current()));
                updateCrossovers();
                revision.set(revision.get() + 1);
            }
        });
        recompute();
    }

    /** Requests a recomputation from the session's current inputs. */
    public void recompute() {
        PlanRequest request = request();
        if (request == null) {
            return;
        }
        if (busy) {
            pending = request;
            return;
        }
        launch(request);
    }

    private PlanRequest request() {
        ScenarioInputs in = session.inputsProperty().get();
        ScenarioParams params;
        try {
            params = in.applyTo(session.baseParams());
        } catch (IllegalArgumentException e) {
            return null;
        }
        LoadedInventory inv = session.inventoryProperty().get();
        if (inv == null || inv.summary().proxiedServices() == 0) {
            return new PlanRequest(clock.getAsLong(), params, null, 0, 1);
        }
        int baseEndpoints = inv.baseParams().endpointsPerService();
        double epsFactor = baseEndpoints > 0 ? in.endpointsPerService() / (double) baseEndpoints : 1;
        return new PlanRequest(clock.getAsLong(), params, inv.workload(), inv.summary().proxiedServices(), epsFactor);
    }

    private void launch(PlanRequest request) {
        busy = true;
        runner.task(ctx -> PlanCalculator.compute(request, ctx::isCancelled))
                .named("plan")
                .onSuccess(r -> {
                    if (r != null) {
                        apply(r);
                    }
                })
                .onError(e -> headline.set(messages.get("results.error", String.valueOf(e.getMessage()))))
                .andFinally(() -> {
                    busy = false;
                    PlanRequest next = pending;
                    pending = null;
                    if (next != null) {
                        launch(next);
                    }
                })
                .start();
    }

    private void apply(PlanResult r) {
        session.predictionProperty().set(r.current());
        rows.setAll(rows(r.current()));
        ScenarioParams p = r.current().scenario();
        headline.set(messages.get("results.headline", Formats.integer(p.services()),
                Formats.integer(p.endpointsPerService()), Formats.integer(p.nodes())));
        timing.set(messages.get("results.timing", r.sweep().size(), Formats.number(r.computeNanos() / 1e6)));
        result.set(r);
        updateCrossovers();
        revision.set(revision.get() + 1);
    }

    private List<ModeRow> rows(Prediction p) {
        Budgets budgets = session.budgetsProperty().get();
        Map<String, Double> min = new HashMap<>();
        Map<String, Double> max = new HashMap<>();
        for (ModePrediction m : p.modes()) {
            for (Metric metric : MetricCatalog.all()) {
                double v = metric.of(m).value();
                min.merge(metric.key(), v, Math::min);
                max.merge(metric.key(), v, Math::max);
            }
        }
        LoadedInventory inv = session.inventoryProperty().get();
        ProxyMode detected = inv == null ? null : inv.summary().effectiveMode().orElse(null);
        List<ModeRow> out = new ArrayList<>();
        for (ModePrediction m : p.modes()) {
            Map<String, Band> values = new HashMap<>();
            Set<String> best = new HashSet<>();
            Set<String> over = new HashSet<>();
            for (Metric metric : MetricCatalog.all()) {
                Band b = metric.of(m);
                values.put(metric.key(), b);
                double lo = min.get(metric.key());
                if (b.value() == lo && max.get(metric.key()) > lo * 1.0001) {
                    best.add(metric.key());
                }
                OptionalDouble limit = budgets.limit(metric.key());
                if (limit.isPresent() && b.value() > limit.getAsDouble()) {
                    over.add(metric.key());
                }
            }
            out.add(new ModeRow(m.mode(), modeName(m.mode()), values, best, over, m.mode() == detected));
        }
        return out;
    }

    private void updateCrossovers() {
        PlanResult r = result.get();
        if (r == null) {
            return;
        }
        List<CrossoverItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectProperty<Metric> slot : chartMetrics) {
            Metric m = slot.get();
            if (m == null || !seen.add(m.key())) {
                continue;
            }
            for (Crossover c : crossoversOf(r, m)) {
                items.add(new CrossoverItem(label(m), describe(c), c.isBudget()));
            }
        }
        crossovers.setAll(items);
    }

    private List<Crossover> crossoversOf(PlanResult r, Metric m) {
        return Crossovers.find(r.sweep(), m, session.budgetsProperty().get().limit(m.key()));
    }

    private String describe(Crossover c) {
        String at = Formats.compact(c.services());
        if (c.isBudget()) {
            String limit = Formats.number(session.budgetsProperty().get().limit(c.metric().key()).orElse(0));
            return messages.get(c.rising() ? "results.crossover.budgetExceeded" : "results.crossover.budgetMet",
                    modeName(c.mode()), limit, at);
        }
        return messages.get("results.crossover.modes", modeName(c.mode()), modeName(c.other()), at);
    }

    /**
     * @param metric a chartable metric
     * @return what its chart draws for the latest result, or null before the first result
     */
    public PlotData plot(Metric metric) {
        PlanResult r = result.get();
        if (r == null || metric == null) {
            return null;
        }
        Sweep sweep = r.sweep();
        double[] xs = sweep.services();
        List<PlotData.Series> series = new ArrayList<>();
        for (ProxyMode mode : ProxyMode.values()) {
            Band[] bands = sweep.bands(metric, mode);
            double[] y = new double[bands.length];
            double[] lo = new double[bands.length];
            double[] hi = new double[bands.length];
            for (int i = 0; i < bands.length; i++) {
                y[i] = bands[i].value();
                lo[i] = bands[i].low();
                hi[i] = bands[i].high();
            }
            series.add(new PlotData.Series(modeName(mode), "mode-" + mode.id(), xs, y, lo, hi));
        }
        List<PlotData.Threshold> thresholds = new ArrayList<>();
        OptionalDouble limit = session.budgetsProperty().get().limit(metric.key());
        limit.ifPresent(v -> thresholds.add(new PlotData.Threshold(
                messages.get("results.chart.budget", Formats.number(v)), v)));
        List<PlotData.Annotation> notes = new ArrayList<>();
        for (Crossover c : crossoversOf(r, metric)) {
            notes.add(new PlotData.Annotation(c.services(), c.value(), Formats.compact(c.services())));
        }
        long now = r.current().scenario().services();
        return new PlotData(messages.get("results.chart.xLabel"), messages.get(metric.unitKey()), metric.logY(),
                xs[0], xs[xs.length - 1], series, now, messages.get("results.chart.marker", Formats.integer(now)),
                thresholds, notes);
    }

    /**
     * Called by the view once the charts show {@code r}: records the time from the input change to
     * the redrawn chart.
     */
    public void chartsRendered(PlanResult r) {
        if (r == null) {
            return;
        }
        double ms = (clock.getAsLong() - r.request().stampNanos()) / 1e6;
        lastLatencyMillis.set(ms);
        if (latencies.size() < LATENCY_LOG_LIMIT) {
            latencies.add(ms);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "input change to redrawn chart: %.1f ms (%,d services)", ms, r.current().scenario().services()));
    }

    /** @return every recorded input-to-chart latency in ms, oldest first (a copy) */
    public List<Double> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /** @return the display name of a mode */
    public String modeName(ProxyMode mode) {
        return messages.get(switch (mode) {
            case IPTABLES -> "mode.iptables";
            case IPVS -> "mode.ipvs";
            case NFTABLES -> "mode.nftables";
            case EBPF -> "mode.ebpf";
        });
    }

    /** @return a metric's label */
    public String label(Metric m) {
        return messages.get(m.labelKey());
    }

    /** @return a metric's unit */
    public String unit(Metric m) {
        return messages.get(m.unitKey());
    }

    /** @return the value as the table shows it */
    public String formatValue(Band b) {
        return Formats.number(b.value());
    }

    /** @return the band as the table shows it ("" without spread) */
    public String formatBand(Band b) {
        return b.hasSpread() ? messages.get("results.band", Formats.compact(b.low()), Formats.compact(b.high())) : "";
    }

    public List<Metric> metrics() {
        return MetricCatalog.all();
    }

    public List<Metric> chartableMetrics() {
        return MetricCatalog.chartable();
    }

    public ObservableList<ModeRow> rows() {
        return rows;
    }

    public ObservableList<CrossoverItem> crossovers() {
        return crossovers;
    }

    /** @return the four chart slots, each choosing a metric */
    public List<ObjectProperty<Metric>> chartMetrics() {
        return chartMetrics;
    }

    /** @return incremented whenever the charts must be redrawn (new result or new budgets) */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlanResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return e.g. "4,000 Services x 8 endpoints on 60 nodes" */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** @return e.g. "121 points in 9 ms" */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty lastLatencyMillisProperty() {
        return lastLatencyMillis.getReadOnlyProperty();
    }
}
