package dev.kpp.app.ui.scenario;

import dev.kpp.app.ui.common.Formats;
import dev.kpp.app.ui.results.Metric;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A budget for one metric: on/off and a limit. */
public final class BudgetField {
    private final Metric metric;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final String invalidMessage;
    private boolean updating;
    private Runnable onChange = () -> { };

    BudgetField(Metric metric, String invalidMessage) {
        this.metric = metric;
        this.invalidMessage = invalidMessage;
        enabled.addListener(o -> changed());
        text.addListener(o -> changed());
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
        text.set(v == null ? "" : Formats.number(v).replace(",", ""));
        error.set(null);
        updating = false;
    }

    /** @return null when the text is a positive number, else a message */
    public String validate(String s) {
        try {
            double v = InputField.parse(s);
            return v > 0 ? null : invalidMessage;
        } catch (NumberFormatException e) {
            return enabled.get() ? invalidMessage : null;
        }
    }

    /** @return the limit when enabled and valid, else null */
    Double limit() {
        if (!enabled.get()) {
            return null;
        }
        try {
            return InputField.parse(text.get());
        } catch (NumberFormatException e) {
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
