package dev.kpp.app.ui.session;

import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.ScenarioParams;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.Objects;

/**
 * State shared by the window's features (JabRef's StateManager, but injected): what is loaded, the
 * inputs and budgets being edited, the latest prediction and the running task. FX thread only.
 */
public final class PlannerSession {
    private final ObjectProperty<Sample> sample = new SimpleObjectProperty<>(this, "sample");
    private final ObjectProperty<LoadedInventory> inventory = new SimpleObjectProperty<>(this, "inventory");
    private final ObjectProperty<ScenarioInputs> inputs = new SimpleObjectProperty<>(this, "inputs");
    private final ObjectProperty<Budgets> budgets = new SimpleObjectProperty<>(this, "budgets", Budgets.none());
    private final ObjectProperty<Prediction> prediction = new SimpleObjectProperty<>(this, "prediction");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final ObjectProperty<RunningTask> task = new SimpleObjectProperty<>(this, "task");

    /** @param start the sample shown at first launch */
    public PlannerSession(Sample start) {
        useSample(start);
    }

    /** Switches to a sample: the inventory is dropped and the inputs reset to the sample's. */
    public void useSample(Sample s) {
        Objects.requireNonNull(s);
        inventory.set(null);
        sample.set(s);
        inputs.set(ScenarioInputs.from(s.params()));
    }

    /** Switches to an imported inventory: the inputs reset to what the inventory describes (scale 1). */
    public void useInventory(LoadedInventory loaded) {
        Objects.requireNonNull(loaded);
        inventory.set(loaded);
        inputs.set(ScenarioInputs.from(loaded.baseParams()));
    }

    /** @return the scenario behind the inputs: the inventory's or the sample's */
    public ScenarioParams baseParams() {
        LoadedInventory inv = inventory.get();
        return inv != null ? inv.baseParams() : sample.get().params();
    }

    /** @return the inputs of {@link #baseParams()}: what "scale 1" means */
    public ScenarioInputs baseInputs() {
        return ScenarioInputs.from(baseParams());
    }

    /** @return a short name of what is loaded: the inventory name or the sample name */
    public String sourceName() {
        LoadedInventory inv = inventory.get();
        return inv != null ? inv.summary().name() : sample.get().name();
    }

    public ObjectProperty<Sample> sampleProperty() {
        return sample;
    }

    public ObjectProperty<LoadedInventory> inventoryProperty() {
        return inventory;
    }

    public ObjectProperty<ScenarioInputs> inputsProperty() {
        return inputs;
    }

    public ObjectProperty<Budgets> budgetsProperty() {
        return budgets;
    }

    public ObjectProperty<Prediction> predictionProperty() {
        return prediction;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** @return the user-visible background task (imports, saves, exports), null when idle */
    public ObjectProperty<RunningTask> taskProperty() {
        return task;
    }
}
