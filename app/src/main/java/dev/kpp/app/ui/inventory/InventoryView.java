package dev.kpp.app.ui.inventory;

import dev.kpp.app.ui.common.KeyValueList;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The inventory pane. */
public final class InventoryView {
    private final InventoryViewModel viewModel;
    @FXML
    private Label title;
    @FXML
    private Label kind;
    @FXML
    private Label description;
    @FXML
    private KeyValueList types;
    @FXML
    private KeyValueList endpoints;
    @FXML
    private KeyValueList nodes;
    @FXML
    private KeyValueList kubeProxy;
    @FXML
    private VBox warnings;
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
        types.setItems(viewModel.types());
        endpoints.setItems(viewModel.endpoints());
        nodes.setItems(viewModel.nodes());
        kubeProxy.setItems(viewModel.kubeProxy());
        viewModel.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
        showWarnings();
    }

    private void showWarnings() {
        warnings.getChildren().clear();
        for (String w : viewModel.warnings()) {
            Label l = new Label(w, new FontIcon("fth-alert-triangle"));
            l.setWrapText(true);
            l.getStyleClass().add("warning-item");
            warnings.getChildren().add(l);
        }
        noWarnings.setVisible(viewModel.warnings().isEmpty());
        noWarnings.setManaged(viewModel.warnings().isEmpty());
    }
}
