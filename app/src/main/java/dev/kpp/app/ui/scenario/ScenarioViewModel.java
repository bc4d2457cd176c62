package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.common.UndoStack;
import dev.kpp.app.ui.results.Metric;
import dev.kpp.app.ui.results.MetricCatalog;
import dev.kpp.app.ui.session.Budgets;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.session.ScenarioInputs;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The scenario controls: numeric inputs with sliders, version inputs, budgets, undo/redo. Every valid
 * change goes straight to {@link PlannerSession#inputsProperty()}, where the results pick it up.
 * With an imported inventory, Services and endpoints scale it (hints show the factor) and the
 * Service-type shares come from the inventory.
 */
public final class ScenarioViewModel {
    /** A point in the undo history. */
    private record Snapshot(ScenarioInputs inputs, Budgets budgets) {
    }

    private final PlannerSession session;
    private final Messages messages;
    private final UndoStack<Snapshot> undo;

    private final InputField services;
    private final InputField endpoints;
    private final InputField nodePortShare;
    private final InputField loadBalancerShare;
    final InputField nodes;
    private final InputField cores;
    private final InputField requestsPerSecond;
    private final InputField requestsPerConnection;
    private final InputField churn;
    private final ChoiceField kernel;
    private final ChoiceField kubernetesVersion;
    private final List<InputField> workloadFields;
    private final List<InputField> clusterFields;
    private final List<InputField> trafficFields;
    private final List<BudgetField> budgets = new ArrayList<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper basis = new ReadOnlyStringWrapper(this, "basis", "");
    private boolean applying;
    private boolean pushing;

    /**
     * @param session  shared state
     * @param messages wording
     * @param clock    nanosecond clock for undo merging
     */
    public ScenarioViewModel(PlannerSession session, Messages messages, LongSupplier clock) {
        this.session = session;
        this.messages = messages;
        this.undo = new UndoStack<>(clock);
        services = field("services", 0, ScenarioParams.MAX_SERVICES, 10, 200_000, true, true, 1);
        endpoints = field("endpointsPerService", 0, ScenarioParams.MAX_ENDPOINTS_PER_SERVICE, 1, 1_000, true, true, 1);
        nodePortShare = field("nodePortShare", 0, 1, 0, 1, false, false, 100);
        loadBalancerShare = field("loadBalancerShare", 0, 1, 0, 1, false, false, 100);
        nodes = field("nodes", 1, 100_000, 1, 10_000, true, true, 1);
        cores = field("coresPerNode", 1, 1024, 1, 256, true, false, 1);
        requestsPerSecond = field("requestsPerSecond", 0, 1e8, 1, 1e6, true, false, 1);
        requestsPerConnection = field("requestsPerConnection", 1, 1e7, 1, 10_000, true, false, 1);
        churn = field("endpointChangesPerSecond", 0, 1e5, 0.01, 1_000, true, false, 1);
        kernel = new ChoiceField("kernel", List.of("4.15", "4.18", "5.4", "5.10", "5.14", "5.15", "6.1", "6.6",
                "6.8", "6.12"), s -> parses(() -> KernelVersion.parse(s), "scenario.error.kernel"));
        kubernetesVersion = new ChoiceField("kubernetesVersion", List.of("1.15", "1.20", "1.25", "1.28", "1.29",
                "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"),
                s -> parses(() -> KubeVersion.parse(s), "scenario.error.kubernetesVersion"));
        kernel.onValid(() -> push("kernel"));
        kubernetesVersion.onValid(() -> push("kubernetesVersion"));
        workloadFields = List.of(services, endpoints, nodePortShare, loadBalancerShare);
        clusterFields = List.of(nodes, cores);
        trafficFields = List.of(requestsPerSecond, requestsPerConnection, churn);
        for (Metric m : MetricCatalog.budgetable()) {
            BudgetField b = new BudgetField(m, messages.get("scenario.error.budget"));
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

    private String parses(Runnable parse, String errorKey) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException e) {
            return messages.get(errorKey);
        }
    }

    private InputField field(String key, double min, double max, double sliderMin, double sliderMax, boolean log,
                             boolean integer, double displayFactor) {
        InputField f = new InputField(key, min, max, sliderMin, sliderMax, log, integer, displayFactor, messages);
        f.valueProperty().addListener((obs, o, n) -> push(key));
        return f;
    }

    private void showInputs() {
        ScenarioInputs in = session.inputsProperty().get();
        applying = true;
        try {
            services.show(in.services());
            endpoints.show(in.endpointsPerService());
            nodePortShare.show(in.nodePortShare());
            loadBalancerShare.show(in.loadBalancerShare());
            nodes.show(in.nodes());
            cores.show(in.coresPerNode());
            requestsPerSecond.show(in.requestsPerSecond());
            requestsPerConnection.show(in.requestsPerConnection());
            churn.show(in.endpointChangesPerSecond());
            kernel.show(in.kernel());
            kubernetesVersion.show(in.kubernetesVersion());
            problem.set(null);
        } finally {
            applying = false;
        }
        updateHints();
    }

    private void showBudgets() {
        Budgets b = session.budgetsProperty().get();
        applying = true;
        try {
            for (BudgetField f : budgets) {
                String key = f.metric().key();
                f.show(b.limits().get(key), MetricCatalog.defaultBudget(key).orElse(null));
            }
        } finally {
            applying = false;
        }
    }

    private void updateHints() {
        LoadedInventory inv = session.inventoryProperty().get();
        ScenarioInputs in = session.inputsProperty().get();
        boolean scaling = inv != null;
        nodePortShare.setEnabled(!scaling);
        loadBalancerShare.setEnabled(!scaling);
        if (!scaling) {
            workloadFields.forEach(f -> f.setHint(""));
            basis.set(messages.get("scenario.basis.sample", session.sampleProperty().get().name()));
            return;
        }
        ScenarioInputs base = session.baseInputs();
        services.setHint(factorHint(in.services(), base.services()));
        endpoints.setHint(factorHint(in.endpointsPerService(), base.endpointsPerService()));
        nodePortShare.setHint(messages.get("scenario.hint.fromInventory"));
        loadBalancerShare.setHint(messages.get("scenario.hint.fromInventory"));
        basis.set(messages.get("scenario.basis.inventory", inv.summary().name()));
    }

    private String factorHint(double value, double base) {
        if (base <= 0) {
            return "";
        }
        return messages.get("scenario.hint.factor", Formats.number(value / base), Formats.integer(base));
    }

    private ScenarioInputs collect() {
        return new ScenarioInputs(Math.round(services.valueProperty().get()),
                (int) Math.round(endpoints.valueProperty().get()), nodePortShare.valueProperty().get(),
                loadBalancerShare.valueProperty().get(), (int) Math.round(nodes.valueProperty().get()),
                cores.valueProperty().get(), requestsPerSecond.valueProperty().get(),
                requestsPerConnection.valueProperty().get(), churn.valueProperty().get(), kernel.value(),
                kubernetesVersion.value());
    }

    private void push(String fieldKey) {
        if (applying) {
            return;
        }
        ScenarioInputs next = collect();
        if (next.nodePortShare() + next.loadBalancerShare() > 1 + 1e-9) {
            String msg = messages.get("scenario.error.shares");
            (fieldKey.equals("nodePortShare") ? nodePortShare : loadBalancerShare).setError(msg);
            problem.set(msg);
            return;
        }
        try {
            next.applyTo(session.baseParams());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set(null);
        ScenarioInputs before = session.inputsProperty().get();
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
        session.dirtyProperty().set(true);
        updateHints();
    }

    private void pushBudgets() {
        if (applying) {
            return;
        }
        Budgets next = session.budgetsProperty().get();
        for (BudgetField f : budgets) {
            if (f.errorProperty().get() == null) {
                next = next.with(f.metric().key(), f.limit());
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
        session.dirtyProperty().set(true);
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
        ScenarioInputs base = session.baseInputs();
        if (!base.equals(session.inputsProperty().get())) {
            undo.record(current(), "reset");
            session.inputsProperty().set(base);
            session.dirtyProperty().set(true);
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
        session.dirtyProperty().set(true);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return undo.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return undo.canRedoProperty();
    }

    /** @return a message when the inputs cannot be applied (e.g. shares above 100%), else null */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return what the inputs start from, e.g. "Sample growth-4k" or "Scaling cluster-dump.json" */
    public ReadOnlyStringProperty basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** @return the Services input (the tests and the slider latency measurement drive it) */
    public InputField services() {
        return services;
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
        return messages.get(f.metric().labelKey());
    }

    /** @return the unit of a budget's metric */
    public String budgetUnit(BudgetField f) {
        return messages.get(f.metric().unitKey());
    }
}
