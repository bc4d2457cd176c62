package dev.kpp.app.ui.scenario;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Function;

/** A version input: editable text with suggestions, validated by a parser. */
public final class ChoiceField {
    private final String key;
    private final Function<String, String> validator;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ObservableList<String> suggestions;
    private boolean updating;
    private Runnable onValid = () -> { };

    ChoiceField(String key, List<String> suggestions, Function<String, String> validator) {
        this.key = key;
        this.validator = validator;
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

    /** @return null when valid, else a readable message */
    public String validate(String s) {
        return validator.apply(s == null ? "" : s.trim());
    }

    /** @return the current text trimmed */
    String value() {
        return text.get() == null ? "" : text.get().trim();
    }

    public String key() {
        return key;
    }

    public String labelKey() {
        return "scenario.input." + key + ".label";
    }

    public String tooltipKey() {
        return "scenario.input." + key + ".tooltip";
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return common values offered in the drop-down */
    public ObservableList<String> suggestions() {
        return suggestions;
    }
}
