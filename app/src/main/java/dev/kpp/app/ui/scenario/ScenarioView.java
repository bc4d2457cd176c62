package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.Tips;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import java.util.List;

/**
 * The scenario controls: a slider and an editable field per input, versions, the Calico add-on and
 * budgets. A rejected value is outlined and explained under its field; Enter or leaving a field
 * commits it (the text is rewritten in its canonical form).
 */
public final class ScenarioView {
    private final ScenarioViewModel viewModel;
    private final Messages messages;
    private final ValidationSupport validation = new ValidationSupport();
    @FXML
    private VBox workloadBox;
    @FXML
    private VBox clusterBox;
    @FXML
    private VBox trafficBox;
    @FXML
    private VBox calicoBox;
    @FXML
    private VBox budgetsBox;
    @FXML
    private ComboBox<String> kernelBox;
    @FXML
    private ComboBox<String> kubeVersionBox;
    @FXML
    private Label kernelLabel;
    @FXML
    private Label kubeVersionLabel;
    @FXML
    private Label kernelError;
    @FXML
    private Label kubeVersionError;
    @FXML
    private Label problem;
    @FXML
    private Button resetButton;
    private TextField servicesField;

    public ScenarioView(ScenarioViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        addRows(workloadBox, viewModel.workloadFields());
        addRows(clusterBox, viewModel.clusterFields());
        addRows(trafficBox, viewModel.trafficFields());
        addRows(calicoBox, viewModel.calicoFields());
        choice(kernelBox, kernelLabel, kernelError, viewModel.kernel());
        choice(kubeVersionBox, kubeVersionLabel, kubeVersionError, viewModel.kubernetesVersion());
        for (BudgetField b : viewModel.budgets()) {
            budgetsBox.getChildren().add(budgetRow(b));
        }
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        resetButton.setOnAction(e -> viewModel.resetInputs());
    }

    private void addRows(VBox box, List<InputField> fields) {
        for (InputField f : fields) {
            box.getChildren().add(row(f));
        }
    }

    /** An input's explanation on its label, field and slider, made on first hover (Tips). */
    private void explain(String key, javafx.scene.Node... nodes) {
        String text = messages.get(key);
        for (javafx.scene.Node n : nodes) {
            Tips.install(n, text, Tips.wrapped(360, 350).andThen(tip -> tip.setShowDuration(Duration.seconds(30))));
        }
    }

    private VBox row(InputField f) {
        Label label = new Label(messages.get(f.labelKey()));
        label.getStyleClass().add("input-label");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinWidth(0);
        label.setWrapText(true);
        HBox.setHgrow(label, Priority.ALWAYS);
        TextField field = new TextField();
        field.setId("input-" + f.key());
        field.getStyleClass().add("input-field");
        field.setPrefColumnCount(6);
        field.setMinWidth(72);
        field.textProperty().bindBidirectional(f.textProperty());
        field.disableProperty().bind(f.enabledProperty().not());
        field.setOnAction(e -> f.commit());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                f.commit();
            }
        });
        Label unit = new Label(messages.get(f.unitKey()));
        unit.getStyleClass().add("input-unit");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, label, field, unit);
        top.setAlignment(Pos.CENTER_LEFT);
        Slider slider = new Slider(0, 1, 0);
        slider.setId("slider-" + f.key());
        slider.setBlockIncrement(0.01);
        explain(f.tooltipKey(), label, field, slider);
        slider.valueProperty().bindBidirectional(f.sliderProperty());
        slider.disableProperty().bind(f.enabledProperty().not());
        Label hint = note(f.hintProperty(), "input-hint");
        Label error = note(f.errorProperty(), "input-error");
        error.setId("error-" + f.key());
        validation.registerValidator(field, false, (Control c, String v) -> {
            String e = f.errorProperty().get();
            return ValidationResult.fromErrorIf(c, e, e != null);
        });
        if (f == viewModel.services()) {
            servicesField = field;
        }
        VBox row = new VBox(2, top, slider, error, hint);
        row.getStyleClass().add("input-row");
        return row;
    }

    /** @return a wrapped label showing {@code text}, hidden while it is empty */
    private static Label note(ObservableStringValue text, String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> text.get() != null && !text.get().isEmpty(), text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private void choice(ComboBox<String> box, Label label, Label error, ChoiceField f) {
        label.setText(messages.get(f.labelKey()));
        label.setMinWidth(Region.USE_PREF_SIZE);
        explain(f.tooltipKey(), label, box);
        box.setEditable(true);
        box.setItems(f.suggestions());
        box.getEditor().textProperty().bindBidirectional(f.textProperty());
        box.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                f.textProperty().set(n);
            }
        });
        box.getEditor().setOnAction(e -> f.commit());
        box.getEditor().focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                f.commit();
            }
        });
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        validation.registerValidator(box.getEditor(), false, (Control c, String v) -> {
            String e = f.errorProperty().get();
            return ValidationResult.fromErrorIf(c, e, e != null);
        });
    }

    private VBox budgetRow(BudgetField b) {
        CheckBox on = new CheckBox(viewModel.budgetLabel(b));
        on.setMinWidth(60);
        on.setWrapText(true);
        on.selectedProperty().bindBidirectional(b.enabledProperty());
        on.setMaxWidth(Double.MAX_VALUE);
        Tips.install(on, messages.get("scenario.budget.tooltip"));
        HBox.setHgrow(on, Priority.ALWAYS);
        Label le = new Label("≤");
        le.setMinWidth(Region.USE_PREF_SIZE);
        TextField limit = new TextField();
        limit.setId("budget-" + b.metric().key());
        limit.setPrefColumnCount(5);
        limit.setMinWidth(60);
        limit.textProperty().bindBidirectional(b.textProperty());
        limit.disableProperty().bind(b.enabledProperty().not());
        limit.setOnAction(e -> b.commit());
        limit.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                b.commit();
            }
        });
        validation.registerValidator(limit, false, (Control c, String v) -> {
            String e = b.errorProperty().get();
            return ValidationResult.fromErrorIf(c, e, e != null);
        });
        Label unit = new Label(viewModel.budgetUnit(b));
        unit.getStyleClass().add("input-unit");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, on, le, limit, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("budget-row");
        Label error = note(b.errorProperty(), "input-error");
        return new VBox(2, row, error);
    }

    /** Moves the keyboard focus to the Services field (Ctrl+L). */
    public void focusServices() {
        if (servicesField != null) {
            servicesField.requestFocus();
            servicesField.selectAll();
        }
    }
}
