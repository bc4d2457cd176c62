package dev.kpp.app.ui.advice;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kpp.app.report.Advice;
import dev.kpp.app.report.PredictionFormats;
import dev.kpp.app.report.RecommendationFormats;
import dev.kpp.app.text.InputParser;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.ClipboardService;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.advice.Advisor;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.units.InvalidValueException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The Advice panel: what {@code kpp recommend} says for the window's scenario and budgets, with the
 * advisor's own inputs (growth rate, horizon, the mode the cluster runs, the sensitivity share) parsed as
 * the CLI's {@code --growth}, {@code --horizon}, {@code --current-mode} and {@code --sensitivity} are.
 * It advises on the plan the results computed (no second plan), on a worker; while one runs, newer
 * requests replace each other and only the latest runs next. The copies are byte for byte what
 * {@code kpp recommend --format json|markdown} writes for the same scenario.
 */
public final class AdviceViewModel {
    private static final System.Logger LOG = System.getLogger(AdviceViewModel.class.getName());
    private static final int LATENCY_LOG_LIMIT = 10_000;

    /** The mode the cluster runs today, as {@code --current-mode} gives it. */
    public enum CurrentMode {
        /** Unset: the inventory's ConfigMap says, else kube-proxy's default (iptables). */
        AUTO(null), IPTABLES(ProxyMode.IPTABLES), IPVS(ProxyMode.IPVS), NFTABLES(ProxyMode.NFTABLES);

        private final ProxyMode mode;

        CurrentMode(ProxyMode mode) {
            this.mode = mode;
        }

        /** @return the mode, empty for unset */
        public Optional<ProxyMode> mode() {
            return Optional.ofNullable(mode);
        }
    }

    private record Inputs(Optional<Growth> growth, double horizon, double sensitivity, Optional<ProxyMode> mode) {
    }

    private record Request(long stampNanos, Plan plan, ImportResult imported, Inputs inputs) {
    }

    private record Result(Request request, Recommendation recommendation, AdviceContent content, double adviseMs) {
    }

    /**
     * Where the time from an input change to the shown advice went (milliseconds).
     *
     * @param total  input change to the panel showing the advice
     * @param advise the advisor and the wording, on a worker
     * @param render the panel rebuilt on the FX thread
     */
    public record Latency(double total, double advise, double render) {
    }

    private final PlannerSession session;
    private final TaskRunner runner;
    private final Texts texts;
    private final ClipboardService clipboard;
    private final LongSupplier clock;
    private final Clock dates;
    private final AdviceContents contents;
    private final StringProperty growth = new SimpleStringProperty(this, "growth", "");
    private final StringProperty horizon = new SimpleStringProperty(this, "horizon", "12");
    private final StringProperty sensitivity = new SimpleStringProperty(this, "sensitivity", "50%");
    private final ObjectProperty<CurrentMode> currentMode = new SimpleObjectProperty<>(this, "currentMode",
            CurrentMode.AUTO);
    private final ReadOnlyStringWrapper growthError = new ReadOnlyStringWrapper(this, "growthError");
    private final ReadOnlyStringWrapper horizonError = new ReadOnlyStringWrapper(this, "horizonError");
    private final ReadOnlyStringWrapper sensitivityError = new ReadOnlyStringWrapper(this, "sensitivityError");
    private final ReadOnlyObjectWrapper<AdviceContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper(this, "timing", "");
    private final List<Latency> latencies = Collections.synchronizedList(new ArrayList<>());
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty(
            this, "active", true);
    private long lastChange;
    private Result result;
    private boolean busy;
    private Request pending;
    /** True when a change went unadvised while the panel was hidden. */
    private boolean stale;
    /** What to do once the advice for the latest state is in (a copy asked for while it was stale). */
    private Runnable afterNext;

    /**
     * @param session   shared state (the plan, the inventory behind it)
     * @param runner    background work
     * @param texts     wording
     * @param clipboard the clipboard (the copies)
     * @param clock     nanosecond clock (input-to-advice latency)
     * @param dates     the date growth counts from (UTC, like the CLI's)
     */
    public AdviceViewModel(PlannerSession session, TaskRunner runner, Texts texts, ClipboardService clipboard,
                           LongSupplier clock, Clock dates) {
        this.session = session;
        this.runner = runner;
        this.texts = texts;
        this.clipboard = clipboard;
        this.clock = clock;
        this.dates = dates;
        this.contents = new AdviceContents(texts);
        lastChange = clock.getAsLong();
        session.inputsProperty().addListener(o -> touched());
        session.budgetsProperty().addListener(o -> touched());
        session.inventoryProperty().addListener(o -> touched());
        session.planProperty().addListener(o -> request());
        growth.addListener(o -> inputChanged());
        horizon.addListener(o -> inputChanged());
        sensitivity.addListener(o -> inputChanged());
        currentMode.addListener(o -> inputChanged());
        // a hidden panel costs nothing: the advice catches up when it is shown again
        active.addListener((obs, was, is) -> {
            if (is && stale) {
                request();
            }
        });
        statusText.set(text("advice.panel.status.waiting"));
        request();
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    private void touched() {
        lastChange = clock.getAsLong();
    }

    private void inputChanged() {
        touched();
        request();
    }

    /** @return the advisor's inputs, or null while one of them is invalid (each error is shown by its field) */
    private Inputs parse() {
        Optional<Growth> g = Optional.empty();
        growthError.set(null);
        horizonError.set(null);
        sensitivityError.set(null);
        String gt = growth.get() == null ? "" : growth.get().trim();
        if (!gt.isEmpty()) {
            try {
                g = Optional.of(InputParser.growth(gt));
            } catch (InvalidValueException e) {
                growthError.set(text("advice.panel.growth.invalid", texts.invalid(e,
                        id -> text("advice.panel.input.growth"))));
            }
        }
        double h = Double.NaN;
        try {
            h = InputParser.number(horizon.get(), "horizon");
            // the advisor's own bounds (Advisor.Options), with the CLI's defaults for the other option
            new Advisor.Options(Optional.empty(), h, LocalDate.now(dates), 0.5, true);
        } catch (InvalidValueException e) {
            horizonError.set(texts.invalid(e, id -> text("advice.panel.input.horizon")));
        }
        double s = Double.NaN;
        try {
            s = InputParser.share(sensitivity.get(), "sensitivity");
            new Advisor.Options(Optional.empty(), 12, LocalDate.now(dates), s, true);
        } catch (InvalidValueException e) {
            sensitivityError.set(texts.invalid(e, id -> text("advice.panel.input.sensitivity")));
        }
        if (growthError.get() != null || horizonError.get() != null || sensitivityError.get() != null) {
            return null;
        }
        return new Inputs(g, h, s, currentMode.get().mode());
    }

    /**
     * Asks for advice on the latest plan with the current advisor inputs (while the panel is shown, or when
     * a copy waits for it).
     *
     * @return false when there is nothing to advise on yet (no plan, an invalid input, a plan of what was
     *         loaded before)
     */
    public boolean request() {
        Inputs inputs = parse();
        Plan plan = session.planProperty().get();
        if (inputs == null || plan == null || session.plannerProperty().get() == null) {
            return false;
        }
        LoadedInventory inv = session.inventoryProperty().get();
        boolean matches = plan.input().fromInventory()
                ? inv != null && plan.input().inventory() == inv.base() : inv == null;
        if (!matches) {
            // a plan of what was loaded before: the plan of what is loaded now follows
            return false;
        }
        if (!active.get() && afterNext == null) {
            stale = true;
            return true;
        }
        stale = false;
        Request r = new Request(lastChange, plan, inv == null ? null : inv.result(), inputs);
        if (busy) {
            pending = r;
            return true;
        }
        launch(r);
        return true;
    }

    private void launch(Request r) {
        Planner planner = session.plannerProperty().get();
        busy = true;
        computing.set(true);
        if (result == null) {
            statusText.set(text("advice.panel.status.computing"));
        }
        LocalDate today = LocalDate.now(dates);
        runner.<Result>task(ctx -> {
            long t0 = clock.getAsLong();
            Inputs in = r.inputs();
            Advisor.Options options = new Advisor.Options(in.growth(), in.horizon(), today, in.sensitivity(), true);
            Recommendation rec = new Advisor(planner).advise(r.plan(), Advice.facts(r.plan().input(), r.imported(),
                    in.mode()), options);
            AdviceContent c = contents.build(rec, r.plan().input().source(), in.growth(), in.horizon(), today,
                    r.plan().input().params().services());
            return new Result(r, rec, c, (clock.getAsLong() - t0) / 1e6);
        }).named("advice")
                .onSuccess(res -> {
                    result = res;
                    statusText.set("");
                    long shown = clock.getAsLong();
                    content.set(res.content());
                    // the view rebuilds the panel while content changes, then calls rendered()
                    record(res, (clock.getAsLong() - shown) / 1e6);
                    if (pending == null && afterNext != null) {
                        Runnable then = afterNext;
                        afterNext = null;
                        then.run();
                    }
                })
                .onError(InvalidValueException.class, e -> statusText.set(texts.invalid(e)))
                .onError(e -> {
                    LOG.log(System.Logger.Level.ERROR, "advice failed", e);
                    statusText.set(text("advice.panel.status.error", e.getClass().getSimpleName()));
                })
                .andFinally(() -> {
                    busy = false;
                    Request next = pending;
                    pending = null;
                    if (next != null) {
                        launch(next);
                    } else {
                        computing.set(false);
                    }
                })
                .start();
    }

    /**
     * Records the time from the last input change to the shown advice (a debug log and a tooltip), once the
     * panel has been rebuilt for it.
     */
    private void record(Result r, double renderMs) {
        double ms = (clock.getAsLong() - r.request().stampNanos()) / 1e6;
        Latency l = new Latency(ms, r.adviseMs(), renderMs);
        if (latencies.size() < LATENCY_LOG_LIMIT) {
            latencies.add(l);
        }
        timing.set(text("advice.panel.timing", Numbers.number(ms), Numbers.number(r.adviseMs()),
                Numbers.number(renderMs)));
        LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                "input change to shown advice: %.1f ms (advisor %.1f ms, panel %.1f ms)", ms, r.adviseMs(), renderMs));
    }

    /** @return every recorded input-to-advice latency, oldest first (a copy) */
    public List<Latency> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    /** @return the shown recommendation as {@code kpp recommend --format json} writes it, or null before the first */
    public String recommendationJson() {
        Result r = result;
        if (r == null) {
            return null;
        }
        try {
            return PredictionFormats.mapper().writeValueAsString(RecommendationFormats.json(r.recommendation())) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the shown recommendation as {@code kpp recommend --format markdown} writes it, or null */
    public String recommendationMarkdown() {
        Result r = result;
        return r == null ? null : RecommendationFormats.markdown(r.recommendation(), r.request().plan().input().source());
    }

    /** Puts the recommendation's JSON on the clipboard (advising first when the shown advice is behind). */
    public void copyJson() {
        copyCurrent(this::recommendationJson);
    }

    /** Puts the recommendation's Markdown on the clipboard (advising first when the shown advice is behind). */
    public void copyMarkdown() {
        copyCurrent(this::recommendationMarkdown);
    }

    private void copyCurrent(java.util.function.Supplier<String> text) {
        if (stale || busy) {
            afterNext = () -> copy(text.get());
            if (request()) {
                return;
            }
            afterNext = null;
        }
        copy(text.get());
    }

    private void copy(String text) {
        if (text != null) {
            clipboard.putText(text);
            session.post(text("advice.panel.copied"));
        }
    }

    /** @return true while the panel is shown; a hidden panel advises only when asked to copy */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** @return the shown recommendation (tests), or null before the first */
    public Recommendation recommendation() {
        Result r = result;
        return r == null ? null : r.recommendation();
    }

    /** @return the label of a current-mode choice (with an inventory, "unset" means "as imported") */
    public String currentModeLabel(CurrentMode m) {
        if (m == CurrentMode.AUTO) {
            return text(session.inventoryProperty().get() == null ? "advice.panel.currentMode.unset"
                    : "advice.panel.currentMode.imported");
        }
        return texts.mode(m.mode().orElseThrow());
    }

    /** @return the growth rate as typed: 150/month, 40/week, 5%/month; empty for none */
    public StringProperty growthProperty() {
        return growth;
    }

    /** @return months ahead the budgets must hold */
    public StringProperty horizonProperty() {
        return horizon;
    }

    /** @return how far each input is lowered and raised for the tornado */
    public StringProperty sensitivityProperty() {
        return sensitivity;
    }

    public ObjectProperty<CurrentMode> currentModeProperty() {
        return currentMode;
    }

    /** @return why the growth rate is rejected, null when it is valid */
    public ReadOnlyStringProperty growthErrorProperty() {
        return growthError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty horizonErrorProperty() {
        return horizonError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sensitivityErrorProperty() {
        return sensitivityError.getReadOnlyProperty();
    }

    /** @return what the panel shows, null before the first advice */
    public ReadOnlyObjectProperty<AdviceContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** @return true while the advisor runs */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** @return what the panel waits for or why it failed, "" when advice is shown */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** @return the last input-to-advice time, for a tooltip */
    public ReadOnlyStringProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }
}
