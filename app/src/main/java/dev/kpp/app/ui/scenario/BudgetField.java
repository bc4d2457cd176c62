package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.InputParser;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A budget for one metric: on/off and a limit in the metric's unit, typed with its suffixes
 * ({@code 500ms}, {@code 250m}) through {@link InputParser#quantity}.
 */
public final class BudgetField {
    private final Metric metric;
    private final Texts texts;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private boolean updating;
    private Runnable onChange = () -> { };

    BudgetField(Metric metric, Texts texts) {
        this.metric = metric;
        this.texts = texts;
        // change listeners, not invalidation listeners: a value set while updating must not mute the next edit
        enabled.addListener((obs, o, n) -> changed());
        text.addListener((obs, o, n) -> changed());
    }

    private void changed() {
        if (updating) {
            return;
        }
        error.set(validate(text.get()));
        if (error.get() == null) {
            onChange.run();
        }
    }

    void onChange(Runnable r) {
        this.onChange = r;
    }

    void show(Double limit, Double fallback) {
        updating = true;
        enabled.set(limit != null);
        Double v = limit != null ? limit : fallback;
        text.set(v == null ? "" : format(v));
        error.set(null);
        updating = false;
    }

    /** Rewrites valid text in the canonical form. */
    public void commit() {
        Double v = limit();
        if (v != null && error.get() == null) {
            updating = true;
            text.set(format(v));
            updating = false;
        }
    }

    /** @return a limit as its field shows it; percentages keep their sign (a bare 0.5 would read as 50%) */
    private String format(double v) {
        return Numbers.input(v, ScenarioField.Kind.NUMBER) + (metric.unit() == dev.kpp.model.units.Unit.PERCENT ? "%" : "");
    }

    /** @return null when the text is a limit (or the budget is off), else why not */
    public String validate(String s) {
        if (!enabled.get() && (s == null || s.isBlank())) {
            return null;
        }
        try {
            InputParser.quantity(s, metric.unit(), metric.key());
            return null;
        } catch (InvalidValueException e) {
            return enabled.get() ? texts.invalid(e, id -> texts.label(metric)) : null;
        }
    }

    /** @return the limit when enabled and valid, else null */
    Double limit() {
        if (!enabled.get()) {
            return null;
        }
        try {
            return InputParser.quantity(text.get(), metric.unit(), metric.key());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    public Metric metric() {
        return metric;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
