package dev.kpp.app.ui.connect;

import dev.kpp.app.ui.common.DialogHost;
import dev.kpp.app.ui.common.MessageList;
import dev.kpp.app.ui.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The Connect to cluster dialog: bindings to {@link ConnectViewModel} and one-line event forwarding. */
public final class ConnectView {
    private final ConnectViewModel viewModel;

    @FXML
    private VBox root;
    @FXML
    private TextField kubeconfigField;
    @FXML
    private Label kubeconfigNote;
    @FXML
    private Button chooseButton;
    @FXML
    private Button defaultButton;
    @FXML
    private TextField searchField;
    @FXML
    private Label shownCount;
    @FXML
    private TableView<ContextRow> contextTable;
    @FXML
    private TableColumn<ContextRow, String> currentColumn;
    @FXML
    private TableColumn<ContextRow, String> nameColumn;
    @FXML
    private TableColumn<ContextRow, String> clusterColumn;
    @FXML
    private TableColumn<ContextRow, String> userColumn;
    @FXML
    private TableColumn<ContextRow, String> namespaceColumn;
    @FXML
    private TableColumn<ContextRow, String> serverColumn;
    @FXML
    private TableColumn<ContextRow, String> authColumn;
    @FXML
    private Spinner<Integer> pageSize;
    @FXML
    private CheckBox scrapeMetrics;
    @FXML
    private Spinner<Integer> metricsNodes;
    @FXML
    private CheckBox keepPartial;
    @FXML
    private VBox progressSection;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label status;
    @FXML
    private TableView<KindRow> kindTable;
    @FXML
    private TableColumn<KindRow, String> kindColumn;
    @FXML
    private TableColumn<KindRow, String> objectsColumn;
    @FXML
    private TableColumn<KindRow, String> pagesColumn;
    @FXML
    private TableColumn<KindRow, String> stateColumn;
    @FXML
    private MessageList messages;
    @FXML
    private Button saveButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Button connectButton;
    @FXML
    private Button closeButton;

    public ConnectView(ConnectViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        kubeconfigField.textProperty().bind(viewModel.picker().kubeconfigTextProperty());
        kubeconfigNote.textProperty().bind(viewModel.picker().kubeconfigNoteProperty());
        searchField.textProperty().bindBidirectional(viewModel.picker().searchProperty());
        shownCount.textProperty().bind(viewModel.picker().shownCountProperty());

        contextTable.setItems(viewModel.picker().shownContexts());
        column(currentColumn, r -> r.current() ? "●" : "");
        column(nameColumn, ContextRow::name);
        column(clusterColumn, ContextRow::cluster);
        column(userColumn, ContextRow::user);
        column(namespaceColumn, ContextRow::namespace);
        column(serverColumn, ContextRow::server);
        column(authColumn, ContextRow::auth);
        currentColumn.getStyleClass().add("current-marker");
        contextTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.picker().select(b));
        viewModel.picker().selectedProperty().addListener((o, a, b) -> showSelected(b));
        contextTable.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.connect();
            }
        });
        // Down in the search box moves into the list; Enter connects (the default button)
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                contextTable.requestFocus();
            }
        });

        pageSize.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000,
                viewModel.pageSizeProperty().get(), 100));
        pageSize.getValueFactory().valueProperty().bindBidirectional(viewModel.pageSizeProperty().asObject());
        metricsNodes.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000,
                viewModel.metricsNodesProperty().get(), 1));
        metricsNodes.getValueFactory().valueProperty().bindBidirectional(viewModel.metricsNodesProperty().asObject());
        metricsNodes.disableProperty().bind(viewModel.scrapeMetricsProperty().not());
        scrapeMetrics.selectedProperty().bindBidirectional(viewModel.scrapeMetricsProperty());
        keepPartial.selectedProperty().bindBidirectional(viewModel.keepPartialProperty());

        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(ConnectViewModel.Phase.CHOOSING));
        status.textProperty().bind(viewModel.statusProperty());
        kindTable.setItems(viewModel.kinds());
        column(kindColumn, KindRow::kind);
        column(objectsColumn, KindRow::objects);
        column(pagesColumn, KindRow::pages);
        column(stateColumn, KindRow::state);
        kindTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KindRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(Styles.PROBLEM, !empty && item != null && item.problem());
            }
        });
        messages.setItems(viewModel.messages());

        var busy = viewModel.busyBinding();
        for (javafx.scene.Node n : new javafx.scene.Node[] {chooseButton, defaultButton, searchField, contextTable,
                pageSize, scrapeMetrics, keepPartial, saveButton}) {
            n.disableProperty().bind(busy);
        }
        saveButton.disableProperty().unbind();
        saveButton.disableProperty().bind(viewModel.canSaveBinding().not());
        connectButton.disableProperty().bind(viewModel.canConnectBinding().not());
        cancelButton.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(ConnectViewModel.Phase.CONNECTING));
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        connectButton.visibleProperty().bind(busy.not());
        connectButton.managedProperty().bind(busy.not());

        DialogHost.onHidden(root, viewModel::closed);
        viewModel.opened();
        showSelected(viewModel.picker().selectedProperty().get());
    }

    private void showSelected(ContextRow row) {
        if (row == null) {
            contextTable.getSelectionModel().clearSelection();
        } else if (contextTable.getSelectionModel().getSelectedItem() != row) {
            contextTable.getSelectionModel().select(row);
            contextTable.scrollTo(row);
        }
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, String> value) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue() == null ? "" : value.apply(d.getValue())));
    }

    @FXML
    private void chooseKubeconfig() {
        viewModel.picker().chooseKubeconfig();
    }

    @FXML
    private void useDefaultKubeconfig() {
        viewModel.picker().useDefaultKubeconfig();
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void saveSnapshot() {
        viewModel.saveSnapshot();
    }

    @FXML
    private void close() {
        DialogHost.close(root);
    }
}
