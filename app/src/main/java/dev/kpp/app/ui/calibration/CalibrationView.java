package dev.kpp.app.ui.calibration;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.theme.Styles;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.ValidationRow;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The calibration tab: fitted curves and benchmark points, residual table and fit quality. */
public final class CalibrationView {
    private final CalibrationViewModel viewModel;
    private final Messages messages;
    @FXML
    private ComboBox<FitReport> reportBox;
    @FXML
    private LogChart chart;
    @FXML
    private Label quality;
    @FXML
    private Label parameters;
    @FXML
    private Label informs;
    @FXML
    private TableView<ValidationRow> table;

    public CalibrationView(CalibrationViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        reportBox.setItems(viewModel.reports());
        reportBox.valueProperty().bindBidirectional(viewModel.selectedProperty());
        reportBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(FitReport r) {
                return viewModel.reportLabel(r);
            }

            @Override
            public FitReport fromString(String s) {
                return null;
            }
        });
        chart.dataProperty().bind(viewModel.plotProperty());
        quality.textProperty().bind(viewModel.qualityProperty());
        parameters.textProperty().bind(viewModel.parametersProperty());
        informs.textProperty().bind(viewModel.informsProperty());
        // the pill elides in a narrow window (1280x720): its whole text is in its tooltip
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(viewModel.informsProperty());
        informs.setTooltip(whole);
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label(messages.get("calibration.table.empty")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("calibration.table.id", ValidationRow::benchmarkId, 150));
        table.getColumns().add(column("calibration.table.conditions", ValidationRow::conditions, 240));
        table.getColumns().add(column("calibration.table.x", r -> viewModel.format(r.x()), 70));
        table.getColumns().add(column("calibration.table.measured", r -> viewModel.format(r.measured()), 80));
        table.getColumns().add(column("calibration.table.predicted", r -> viewModel.format(r.predicted()), 80));
        table.getColumns().add(column("calibration.table.loo", r -> viewModel.format(r.looPredicted()), 80));
        table.getColumns().add(column("calibration.table.error", r -> viewModel.formatFactor(r.factorError()), 70));
        table.getColumns().add(column("calibration.table.looError",
                r -> viewModel.formatFactor(r.looFactorError()), 80));
        table.getColumns().add(column("calibration.table.note", ValidationRow::note, 200));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ValidationRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(Styles.DETECTED, !empty && row != null && viewModel.informsCurrent(row));
            }
        });
        viewModel.informsProperty().addListener(o -> table.refresh());
    }

    private TableColumn<ValidationRow, String> column(String key, Function<ValidationRow, String> value,
                                                      double width) {
        String title = messages.get(key);
        TableColumn<ValidationRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        // wide enough for its header: "Measured" and "Leave-one-out" are never cut to "Meas..."
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, javafx.scene.text.Font.getDefault().getSize()));
        double header = Math.ceil(probe.getLayoutBounds().getWidth()) + 28;
        c.setMinWidth(header);
        c.setPrefWidth(Math.max(width, header));
        c.setSortable(false);
        return c;
    }
}
