package dev.kpp.app.ui.session;

import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.Objects;

/**
 * State shared by the window's features (JabRef's StateManager, but injected): what is loaded, the
 * inputs and budgets being edited, the planner once the calibration is fitted, the latest plan, the
 * running task and the last outcome for the status bar. FX thread only.
 */
public final class PlannerSession {
    /**
     * What a saved scenario captures; the session is dirty while its state differs from the last one
     * saved, opened or started from.
     *
     * @param source  {@code sample:<name>} or the inventory's source
     * @param inputs  the inputs
     * @param budgets the budgets
     */
    public record State(String source, ScenarioParams inputs, Budgets budgets) {
    }

    private final ObjectProperty<Sample> sample = new SimpleObjectProperty<>(this, "sample");
    private final ObjectProperty<LoadedInventory> inventory = new SimpleObjectProperty<>(this, "inventory");
    private final ObjectProperty<ScenarioParams> inputs = new SimpleObjectProperty<>(this, "inputs");
    private final ObjectProperty<Budgets> budgets = new SimpleObjectProperty<>(this, "budgets", Budgets.none());
    private final ReadOnlyObjectWrapper<Calibration> calibration = new ReadOnlyObjectWrapper<>(this, "calibration");
    private final ReadOnlyObjectWrapper<Planner> planner = new ReadOnlyObjectWrapper<>(this, "planner");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<State> saved = new SimpleObjectProperty<>(this, "saved");
    private final ObjectProperty<RunningTask> task = new SimpleObjectProperty<>(this, "task");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding dirty;

    /**
     * @param start   the sample shown at first launch
     * @param budgets the budgets a first launch starts with
     */
    public PlannerSession(Sample start, Budgets budgets) {
        this.budgets.set(Objects.requireNonNull(budgets));
        useSample(start);
        markClean();
        dirty = Bindings.createBooleanBinding(() -> !state().equals(saved.get()), saved, inputs, this.budgets,
                sample, inventory);
        // an outcome ("Import failed; ...") stays only until the user changes something
        inputs.addListener(o -> notice.set(""));
        this.budgets.addListener(o -> notice.set(""));
    }

    /** Switches to a sample: the inventory is dropped and the inputs reset to the sample's. */
    public void useSample(Sample s) {
        Objects.requireNonNull(s);
        inventory.set(null);
        sample.set(s);
        inputs.set(s.params());
    }

    /** Switches to an imported inventory: the inputs reset to what the inventory describes (scale 1). */
    public void useInventory(LoadedInventory loaded) {
        Objects.requireNonNull(loaded);
        inventory.set(loaded);
        inputs.set(loaded.params());
    }

    /** Sets the fitted calibration and the planner built on it (by the composition root). */
    public void useCalibration(Calibration fitted, Planner built) {
        calibration.set(Objects.requireNonNull(fitted));
        planner.set(Objects.requireNonNull(built));
    }

    /** @return the scenario behind the inputs: the inventory's or the sample's ("Reset" returns to it) */
    public ScenarioParams baseParams() {
        LoadedInventory inv = inventory.get();
        return inv != null ? inv.params() : sample.get().params();
    }

    /** @return the plan input's source label: {@code sample:<name>} or {@code inventory:<paths>} */
    public String source() {
        LoadedInventory inv = inventory.get();
        return inv != null ? inv.source() : sampleSource(sample.get());
    }

    /**
     * @param candidate inputs to plan
     * @return what a plan for them is computed on: a synthetic cluster, or the inventory scaled to them
     * @throws dev.kpp.model.units.InvalidValueException when the inputs contradict the inventory
     */
    public PlanInput planInput(ScenarioParams candidate) {
        LoadedInventory inv = inventory.get();
        return inv != null ? new PlanInput(inv.source(), candidate, inv.base()) : sampleInput(sample.get(), candidate);
    }

    /**
     * @param s         a sample
     * @param candidate inputs to plan
     * @return what a plan for them is computed on while that sample is open: a synthetic cluster
     */
    public static PlanInput sampleInput(Sample s, ScenarioParams candidate) {
        return PlanInput.synthetic(sampleSource(s), candidate);
    }

    private static String sampleSource(Sample s) {
        return "sample:" + s.name();
    }

    /** @return the plan input of the current inputs */
    public PlanInput planInput() {
        return planInput(inputs.get());
    }

    /** @return a short name of what is loaded: the inventory name or the sample name */
    public String sourceName() {
        LoadedInventory inv = inventory.get();
        return inv != null ? inv.name() : sample.get().name();
    }

    /** @return the state a scenario file would save now */
    public State state() {
        return new State(source(), inputs.get(), budgets.get());
    }

    /** Records the current state as saved (after opening, saving or starting from a sample). */
    public void markClean() {
        saved.set(state());
    }

    /** Posts the outcome of an action for the status bar; it is cleared by the next edit. */
    public void post(String message) {
        notice.set(message == null ? "" : message);
    }

    public ObjectProperty<Sample> sampleProperty() {
        return sample;
    }

    public ObjectProperty<LoadedInventory> inventoryProperty() {
        return inventory;
    }

    public ObjectProperty<ScenarioParams> inputsProperty() {
        return inputs;
    }

    public ObjectProperty<Budgets> budgetsProperty() {
        return budgets;
    }

    /** @return the fitted calibration, null until the composition root has fitted it */
    public ReadOnlyObjectProperty<Calibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    /** @return the planner, null until the calibration is fitted */
    public ReadOnlyObjectProperty<Planner> plannerProperty() {
        return planner.getReadOnlyProperty();
    }

    /** @return the latest plan (prediction, growth sweep, crossovers), null before the first */
    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** @return true while the state differs from the last one saved, opened or started from */
    public BooleanBinding dirtyBinding() {
        return dirty;
    }

    /** @return the user-visible background task (imports, saves, exports), null when idle */
    public ObjectProperty<RunningTask> taskProperty() {
        return task;
    }

    /** @return the last action's outcome, "" once the user edited something since */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
