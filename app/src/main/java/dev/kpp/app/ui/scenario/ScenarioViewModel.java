package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.InputParser;
import dev.kpp.app.text.Keys;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.UndoStack;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioOverrides;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The scenario controls: numeric inputs with sliders, versions, the Calico add-on's inputs, budgets,
 * undo/redo. Every valid change goes straight to {@link PlannerSession#inputsProperty()} (applied
 * through {@link ScenarioOverrides}, validated as a whole), where the results pick it up. With an
 * imported inventory, Services and endpoints scale it (hints show the factor {@link PlanInput}
 * computes) and the inputs the inventory fixes are read-only.
 */
public final class ScenarioViewModel {
    /** A point in the undo history. */
    private record Snapshot(ScenarioParams inputs, Budgets budgets) {
    }

    private final PlannerSession session;
    private final Texts texts;
    private final UndoStack<Snapshot> undo;

    private final InputField services;
    private final InputField endpoints;
    private final InputField nodes;
    private final ChoiceField kernel;
    private final ChoiceField kubernetesVersion;
    private final List<InputField> workloadFields;
    private final List<InputField> clusterFields;
    private final List<InputField> trafficFields;
    private final List<InputField> calicoFields;
    private final List<BudgetField> budgets = new ArrayList<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper(this, "basis", "");
    private boolean applying;
    private boolean pushing;

    /**
     * @param session shared state
     * @param texts   wording
     * @param clock   nanosecond clock for undo merging
     */
    public ScenarioViewModel(PlannerSession session, Texts texts, LongSupplier clock) {
        this.session = session;
        this.texts = texts;
        this.undo = new UndoStack<>(clock);
        services = field(ScenarioField.SERVICES, 10, 200_000, true);
        endpoints = field(ScenarioField.ENDPOINTS_PER_SERVICE, 1, 1_000, true);
        InputField nodePortShare = field(ScenarioField.NODE_PORT_SHARE, 0, 1, false);
        InputField loadBalancerShare = field(ScenarioField.LOAD_BALANCER_SHARE, 0, 1, false);
        nodes = field(ScenarioField.NODES, 1, 10_000, true);
        InputField cores = field(ScenarioField.CORES_PER_NODE, 1, 256, true);
        InputField rps = field(ScenarioField.REQUESTS_PER_SECOND, 1, 1e6, true);
        InputField rpc = field(ScenarioField.REQUESTS_PER_CONNECTION, 1, 10_000, true);
        InputField churn = field(ScenarioField.ENDPOINT_CHANGES_PER_SECOND, 0.01, 1_000, true);
        InputField pods = field(ScenarioField.PODS_PER_NODE, 1, 500, true);
        InputField policies = field(ScenarioField.POLICIES_PER_POD, 0, 30, false);
        kernel = new ChoiceField(ScenarioField.KERNEL, List.of("4.15", "4.18", "5.4", "5.10", "5.14", "5.15", "6.1",
                "6.6", "6.8", "6.12"), InputParser::kernel, texts);
        kubernetesVersion = new ChoiceField(ScenarioField.KUBERNETES_VERSION, List.of("1.15", "1.20", "1.25", "1.28",
                "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"), InputParser::kubernetesVersion, texts);
        kernel.onValid(() -> pushVersion(kernel));
        kubernetesVersion.onValid(() -> pushVersion(kubernetesVersion));
        workloadFields = List.of(services, endpoints, nodePortShare, loadBalancerShare);
        clusterFields = List.of(nodes, cores);
        trafficFields = List.of(rps, rpc, churn);
        calicoFields = List.of(pods, policies);
        for (Metric m : MetricCatalog.budgetable()) {
            BudgetField b = new BudgetField(m, texts);
            b.onChange(this::pushBudgets);
            budgets.add(b);
        }
        session.inputsProperty().addListener((obs, o, n) -> {
            if (!pushing) {
                showInputs();
            }
        });
        session.budgetsProperty().addListener((obs, o, n) -> {
            if (!pushing) {
                showBudgets();
            }
        });
        session.inventoryProperty().addListener((obs, o, n) -> {
            undo.clear();
            showInputs();
        });
        session.sampleProperty().addListener((obs, o, n) -> undo.clear());
        showInputs();
        showBudgets();
    }

    private InputField field(ScenarioField f, double sliderMin, double sliderMax, boolean log) {
        InputField field = new InputField(f, sliderMin, sliderMax, log, texts);
        field.valueProperty().addListener((obs, o, n) -> push(field));
        return field;
    }

    private Stream<InputField> numericFields() {
        return Stream.of(workloadFields, clusterFields, trafficFields, calicoFields).flatMap(List::stream);
    }

    private void showInputs() {
        ScenarioParams in = session.inputsProperty().get();
        applying = true;
        try {
            numericFields().forEach(f -> f.show(f.field().valueIn(in)));
            kernel.show(in.kernel().toString());
            kubernetesVersion.show(in.kubernetesVersion().toString());
            problem.set(null);
        } finally {
            applying = false;
        }
        updateHints();
    }

    private void showBudgets() {
        Budgets b = session.budgetsProperty().get();
        Budgets defaults = MetricCatalog.defaultBudgets();
        applying = true;
        try {
            for (BudgetField f : budgets) {
                Metric m = f.metric();
                f.show(b.limits().get(m), defaults.limits().get(m));
            }
        } finally {
            applying = false;
        }
    }

    private void updateHints() {
        LoadedInventory inv = session.inventoryProperty().get();
        numericFields().forEach(f -> {
            boolean fixed = inv != null && PlanInput.FIXED_BY_INVENTORY.contains(f.field());
            f.setEnabled(!fixed);
            f.setHint(fixed ? texts.messages().get("scenario.hint.fromInventory") : "");
        });
        if (inv == null) {
            basis.set(texts.messages().get("scenario.basis.sample", session.sampleProperty().get().name()));
            return;
        }
        PlanInput input;
        try {
            input = session.planInput();
        } catch (InvalidValueException e) {
            return;
        }
        services.setHint(factorHint(input.servicesFactor(), inv.base().proxiedServices()));
        endpoints.setHint(factorHint(input.endpointsFactor(), inv.base().meanEndpoints()));
        basis.set(texts.messages().get("scenario.basis.inventory", inv.name()));
    }

    private String factorHint(double factor, double base) {
        if (base <= 0) {
            return "";
        }
        return texts.messages().get("scenario.hint.factor", Numbers.number(factor), Numbers.number(base));
    }

    private void push(InputField f) {
        if (applying) {
            return;
        }
        ScenarioParams next;
        try {
            next = ScenarioOverrides.none().with(f.field(), f.valueProperty().get())
                    .applyTo(session.inputsProperty().get());
        } catch (InvalidValueException e) {
            reject(f::setError, e);
            return;
        }
        apply(next, f.key(), f::setError);
    }

    private void pushVersion(ChoiceField f) {
        if (applying) {
            return;
        }
        ScenarioOverrides o = ScenarioOverrides.none();
        o = f.field() == ScenarioField.KERNEL ? o.withKernel((KernelVersion) f.parsed())
                : o.withKubernetesVersion((KubeVersion) f.parsed());
        apply(o.applyTo(session.inputsProperty().get()), f.key(), e -> { });
    }

    private void apply(ScenarioParams next, String fieldKey, java.util.function.Consumer<String> errorSink) {
        try {
            session.planInput(next);
        } catch (InvalidValueException e) {
            reject(errorSink, e);
            return;
        }
        problem.set(null);
        ScenarioParams before = session.inputsProperty().get();
        if (next.equals(before)) {
            return;
        }
        undo.record(new Snapshot(before, session.budgetsProperty().get()), fieldKey);
        pushing = true;
        try {
            session.inputsProperty().set(next);
        } finally {
            pushing = false;
        }
        updateHints();
    }

    private void reject(java.util.function.Consumer<String> errorSink, InvalidValueException e) {
        String message = texts.invalid(e);
        errorSink.accept(message);
        problem.set(message);
    }

    private void pushBudgets() {
        if (applying) {
            return;
        }
        Budgets next = session.budgetsProperty().get();
        for (BudgetField f : budgets) {
            if (f.errorProperty().get() == null) {
                next = next.with(f.metric(), f.limit());
            }
        }
        Budgets before = session.budgetsProperty().get();
        if (next.equals(before)) {
            return;
        }
        undo.record(new Snapshot(session.inputsProperty().get(), before), "budgets");
        pushing = true;
        try {
            session.budgetsProperty().set(next);
        } finally {
            pushing = false;
        }
    }

    /** Undoes the last input or budget change. */
    public void undo() {
        restore(undo.undo(current()));
    }

    /** Redoes the last undone change. */
    public void redo() {
        restore(undo.redo(current()));
    }

    /** Sets the inputs back to the sample's or the inventory's own values (undoable). */
    public void resetInputs() {
        ScenarioParams base = session.baseParams();
        if (!base.equals(session.inputsProperty().get())) {
            undo.record(current(), "reset");
            session.inputsProperty().set(base);
        }
    }

    /** Forgets the undo history (after opening a scenario file). */
    public void clearHistory() {
        undo.clear();
    }

    private Snapshot current() {
        return new Snapshot(session.inputsProperty().get(), session.budgetsProperty().get());
    }

    private void restore(Snapshot s) {
        if (s == null) {
            return;
        }
        session.inputsProperty().set(s.inputs());
        session.budgetsProperty().set(s.budgets());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return undo.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return undo.canRedoProperty();
    }

    /** @return why the inputs cannot be applied (e.g. shares above 100%), else null */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return what the inputs start from, e.g. "Sample · growth-4k" or "Scaling · cluster-dump.json" */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** @return the Services input (the tests and the slider latency measurement drive it) */
    public InputField services() {
        return services;
    }

    /** @return an input by its id (tests) */
    public InputField input(ScenarioField f) {
        return numericFields().filter(x -> x.field() == f).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input for " + f));
    }

    public List<InputField> workloadFields() {
        return workloadFields;
    }

    public List<InputField> clusterFields() {
        return clusterFields;
    }

    public List<InputField> trafficFields() {
        return trafficFields;
    }

    /** @return the Calico policy add-on's inputs (pods per node, policies per pod) */
    public List<InputField> calicoFields() {
        return calicoFields;
    }

    public ChoiceField kernel() {
        return kernel;
    }

    public ChoiceField kubernetesVersion() {
        return kubernetesVersion;
    }

    public List<BudgetField> budgets() {
        return budgets;
    }

    /** @return the label of a budget's metric */
    public String budgetLabel(BudgetField f) {
        return texts.label(f.metric());
    }

    /** @return the unit after a budget's limit ("s", "cores", "ms") */
    public String budgetUnit(BudgetField f) {
        return texts.messages().get(Keys.unitSymbol(f.metric().unit()));
    }
}
