package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.Formats;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * One numeric scenario input: a slider position (0..1, log or linear), an editable text and the
 * value they agree on. The slider covers the usual range; the text accepts the full range, with
 * {@code k}/{@code M} suffixes and grouping commas.
 */
public final class InputField {
    private final String key;
    private final String labelKey;
    private final String tooltipKey;
    private final String unitKey;
    private final double min;
    private final double max;
    private final double sliderMin;
    private final double sliderMax;
    private final boolean log;
    private final boolean integer;
    private final double displayFactor;
    private final Messages messages;

    private final DoubleProperty value = new SimpleDoubleProperty(this, "value");
    private final DoubleProperty slider = new SimpleDoubleProperty(this, "slider");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled", true);
    private boolean updating;

    InputField(String key, double min, double max, double sliderMin, double sliderMax, boolean log, boolean integer,
               double displayFactor, Messages messages) {
        this.key = key;
        this.labelKey = "scenario.input." + key + ".label";
        this.tooltipKey = "scenario.input." + key + ".tooltip";
        this.unitKey = "scenario.input." + key + ".unit";
        this.min = min;
        this.max = max;
        this.sliderMin = sliderMin;
        this.sliderMax = sliderMax;
        this.log = log;
        this.integer = integer;
        this.displayFactor = displayFactor;
        this.messages = messages;
        slider.addListener((obs, o, n) -> {
            if (!updating) {
                double v = snap(fromSlider(n.doubleValue()));
                updating = true;
                value.set(v);
                text.set(format(v));
                error.set(null);
                updating = false;
            }
        });
        text.addListener((obs, o, n) -> {
            if (!updating) {
                String problem = validate(n);
                error.set(problem);
                if (problem == null) {
                    double v = parse(n) / displayFactor;
                    updating = true;
                    slider.set(toSlider(v));
                    value.set(v);
                    updating = false;
                }
            }
        });
        value.addListener((obs, o, n) -> {
            if (!updating) {
                show(n.doubleValue());
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

    /** @return null when the text is a valid value, else a readable message */
    public String validate(String s) {
        double d;
        try {
            d = parse(s);
        } catch (NumberFormatException e) {
            return messages.get("scenario.error.number");
        }
        double v = d / displayFactor;
        if (v < min - 1e-12 || v > max + 1e-12 || (integer && Math.abs(v - Math.rint(v)) > 1e-9)) {
            return messages.get(integer ? "scenario.error.rangeInteger" : "scenario.error.range",
                    display(min), display(max));
        }
        return null;
    }

    private String display(double v) {
        return Formats.number(v * displayFactor);
    }

    static double parse(String s) {
        String t = s == null ? "" : s.trim().replace(",", "").replace("_", "").replace(" ", "")
                .toLowerCase(Locale.ROOT);
        double mult = 1;
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            mult = 1e3;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1e6;
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        double d = Double.parseDouble(t) * mult;
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
        }
        return d;
    }

    String format(double v) {
        double d = v * displayFactor;
        return integer ? Formats.integer(d) : Formats.number(d).replace(",", "");
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
            if (integer) {
                r = Math.max(1, Math.round(r));
            }
        } else {
            double step = displayFactor == 100 ? 0.01 : 1;
            r = Math.round(v / step) * step;
        }
        return Math.max(min, Math.min(max, r));
    }

    public String key() {
        return key;
    }

    public String labelKey() {
        return labelKey;
    }

    public String tooltipKey() {
        return tooltipKey;
    }

    public String unitKey() {
        return unitKey;
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

    /** @return the validation message, null when valid */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return a note under the control, e.g. "x2.0 of 4,000 imported" */
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
