package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Texts;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Function;

/**
 * A version input: editable text with suggestions, read by a parser of the one input parser
 * ({@code InputParser.kernel}, {@code InputParser.kubernetesVersion}); rejected text is explained.
 *
 * @see InputField
 */
public final class ChoiceField {
    private final ScenarioField field;
    private final Function<String, Object> parser;
    private final Texts texts;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObservableList<String> suggestions;
    private boolean updating;
    private Runnable onValid = () -> { };

    ChoiceField(ScenarioField field, List<String> suggestions, Function<String, Object> parser, Texts texts) {
        this.field = field;
        this.parser = parser;
        this.texts = texts;
        this.suggestions = FXCollections.observableArrayList(suggestions);
        text.addListener((obs, o, n) -> {
            if (!updating) {
                String problem = validate(n);
                error.set(problem);
                if (problem == null) {
                    onValid.run();
                }
            }
        });
    }

    void onValid(Runnable r) {
        this.onValid = r;
    }

    void show(String v) {
        updating = true;
        text.set(v);
        error.set(null);
        updating = false;
    }

    /** @return null when valid, else why not, as a sentence */
    public String validate(String s) {
        try {
            parser.apply(s == null ? "" : s.trim());
            return null;
        } catch (InvalidValueException e) {
            return texts.invalid(e.forField(field.id()));
        }
    }

    /** @return the parsed value (a KernelVersion or KubeVersion) */
    Object parsed() {
        return parser.apply(value());
    }

    /** Rewrites valid text in the canonical form (called when the user commits the field). */
    public void commit() {
        if (error.get() == null) {
            String canonical = parsed().toString();
            if (!canonical.equals(text.get())) {
                updating = true;
                text.set(canonical);
                updating = false;
            }
        }
    }

    /** @return the current text trimmed */
    String value() {
        return text.get() == null ? "" : text.get().trim();
    }

    /** @return the scenario input this field edits */
    public ScenarioField field() {
        return field;
    }

    public String key() {
        return field.id();
    }

    public String labelKey() {
        return "scenario.input." + field.id() + ".label";
    }

    public String tooltipKey() {
        return "scenario.input." + field.id() + ".tooltip";
    }

    public StringProperty textProperty() {
        return text;
    }

    /** @return why the text is rejected, null when valid */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return common values offered in the drop-down */
    public ObservableList<String> suggestions() {
        return suggestions;
    }
}
