package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.InputParser;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One numeric scenario input: a slider position (0..1, log or linear), an editable text and the
 * value they agree on. The slider covers the usual range; the text accepts the input's full range
 * and is read by the one {@link InputParser} the CLI uses too ({@code 50k}, {@code 12,000},
 * {@code 5%}). Rejected text is explained ({@link #errorProperty()}) and the last valid value stays;
 * committed text (Enter, focus leaving) is rewritten in the canonical form ("50000" becomes "50,000").
 */
public final class InputField {
    private final ScenarioField field;
    private final double sliderMin;
    private final double sliderMax;
    private final boolean log;
    private final Texts texts;

    private final DoubleProperty value = new SimpleDoubleProperty(this, "value");
    private final DoubleProperty slider = new SimpleDoubleProperty(this, "slider");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled", true);
    private boolean updating;

    InputField(ScenarioField field, double sliderMin, double sliderMax, boolean log, Texts texts) {
        this.field = field;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.log = log;
        this.texts = texts;
        slider.addListener((obs, o, n) -> {
            if (!updating) {
                double v = snap(fromSlider(n.doubleValue()));
                updating = true;
                text.set(format(v));
                error.set(null);
                updating = false;
                value.set(v);
            }
        });
        text.addListener((obs, o, n) -> {
            if (!updating) {
                String problem = validate(n);
                error.set(problem);
                if (problem == null) {
                    double v = parse(n);
                    updating = true;
                    slider.set(toSlider(v));
                    updating = false;
                    value.set(v);
                }
            }
        });
    }

    /** Shows a value set from outside (undo, file, import) in slider and text. */
    void show(double v) {
        updating = true;
        value.set(v);
        slider.set(toSlider(v));
        text.set(format(v));
        error.set(null);
        updating = false;
    }

    /** Rewrites valid text in the canonical form (called when the user commits the field). */
    public void commit() {
        if (error.get() == null && !text.get().equals(format(value.get()))) {
            updating = true;
            text.set(format(value.get()));
            updating = false;
        }
    }

    /** @return null when the text is a valid value, else why not, as a sentence */
    public String validate(String s) {
        try {
            parse(s);
            return null;
        } catch (InvalidValueException e) {
            return texts.invalid(e);
        }
    }

    private double parse(String s) {
        return InputParser.field(field, s);
    }

    String format(double v) {
        return Numbers.input(v, field.kind());
    }

    double toSlider(double v) {
        double c = Math.max(sliderMin, Math.min(sliderMax, v));
        if (log) {
            double lo = Math.log10(Math.max(sliderMin, 1e-9));
            return (Math.log10(Math.max(c, 1e-9)) - lo) / (Math.log10(sliderMax) - lo);
        }
        return (c - sliderMin) / (sliderMax - sliderMin);
    }

    double fromSlider(double s) {
        double p = Math.max(0, Math.min(1, s));
        if (log) {
            double lo = Math.log10(sliderMin);
            return Math.pow(10, lo + p * (Math.log10(sliderMax) - lo));
        }
        return sliderMin + p * (sliderMax - sliderMin);
    }

    /** Rounds a slider value to a "nice" one: two significant digits on log sliders, whole steps on linear. */
    double snap(double v) {
        double r;
        if (log) {
            double mag = Math.pow(10, Math.floor(Math.log10(v)) - 1);
            r = Math.round(v / mag) * mag;
            if (field.kind() == ScenarioField.Kind.COUNT) {
                r = Math.max(1, Math.round(r));
            } else {
                r = Double.parseDouble(Numbers.input(r, ScenarioField.Kind.NUMBER).replace(",", ""));
            }
        } else {
            double step = field.kind() == ScenarioField.Kind.SHARE ? 0.01 : 1;
            r = Math.round(v / step) * step;
            r = Math.round(r * 1e6) / 1e6;
        }
        return Math.max(field.min(), Math.min(field.max(), r));
    }

    /** @return the scenario input this field edits */
    public ScenarioField field() {
        return field;
    }

    /** @return the input's id (its scenario JSON key) */
    public String key() {
        return field.id();
    }

    public String labelKey() {
        return "scenario.input." + field.id() + ".label";
    }

    public String tooltipKey() {
        return "scenario.input." + field.id() + ".tooltip";
    }

    public String unitKey() {
        return "scenario.input." + field.id() + ".unit";
    }

    /** @return the value in model units (a share, not a percentage) */
    public DoubleProperty valueProperty() {
        return value;
    }

    /** @return the slider position 0..1 */
    public DoubleProperty sliderProperty() {
        return slider;
    }

    /** @return the editable text */
    public StringProperty textProperty() {
        return text;
    }

    /** @return why the text is rejected, as a sentence; null when valid */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return a note under the control, e.g. "×2 of 4,000 imported" */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    void setHint(String h) {
        hint.set(h == null ? "" : h);
    }

    void setEnabled(boolean e) {
        enabled.set(e);
    }

    void setError(String e) {
        error.set(e);
    }
}
