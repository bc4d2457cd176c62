package dev.kpp.app.ui.inventory;

import dev.kpp.app.ui.common.KeyValueList;
import dev.kpp.app.ui.common.MessageList;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The inventory pane: bindings only. */
public final class InventoryView {
    private final InventoryViewModel viewModel;
    @FXML
    private Label title;
    @FXML
    private Label kind;
    @FXML
    private Label description;
    @FXML
    private KeyValueList sources;
    @FXML
    private KeyValueList services;
    @FXML
    private KeyValueList endpoints;
    @FXML
    private KeyValueList distribution;
    @FXML
    private KeyValueList nodes;
    @FXML
    private KeyValueList kubeProxy;
    @FXML
    private KeyValueList observed;
    @FXML
    private VBox observedSection;
    @FXML
    private MessageList assumptions;
    @FXML
    private VBox assumptionsSection;
    @FXML
    private MessageList notes;
    @FXML
    private VBox notesSection;
    @FXML
    private MessageList problems;
    @FXML
    private VBox problemsSection;
    @FXML
    private MessageList warnings;
    @FXML
    private Label noWarnings;

    public InventoryView(InventoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        kind.textProperty().bind(viewModel.kindProperty());
        description.textProperty().bind(viewModel.descriptionProperty());
        sources.setItems(viewModel.sources());
        services.setItems(viewModel.services());
        endpoints.setItems(viewModel.endpoints());
        distribution.setItems(viewModel.distribution());
        nodes.setItems(viewModel.nodes());
        kubeProxy.setItems(viewModel.kubeProxy());
        observed.setItems(viewModel.observed());
        viewModel.observed().addListener((ListChangeListener<Object>) c -> showObserved());
        showObserved();
        assumptions.setIcon("fth-help-circle");
        assumptions.setSection(assumptionsSection);
        assumptions.setItems(viewModel.assumptions());
        notes.setIcon("fth-info");
        notes.setSection(notesSection);
        notes.setItems(viewModel.notes());
        problems.setIcon("fth-file-minus");
        problems.setSection(problemsSection);
        problems.setItems(viewModel.problems());
        warnings.setItems(viewModel.warnings());
        noWarnings.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.warnings()));
        noWarnings.managedProperty().bind(noWarnings.visibleProperty());
    }

    private void showObserved() {
        observedSection.setVisible(!viewModel.observed().isEmpty());
        observedSection.setManaged(observedSection.isVisible());
    }
}
