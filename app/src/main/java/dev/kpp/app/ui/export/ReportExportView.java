package dev.kpp.app.ui.export;

import dev.kpp.app.report.ReportService;
import dev.kpp.app.ui.common.DialogHost;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.io.ByteArrayInputStream;

/** The Export report dialog: bindings to {@link ReportExportViewModel} and one-line event forwarding. */
public final class ReportExportView {
    private final ReportExportViewModel viewModel;

    @FXML
    private BorderPane root;
    @FXML
    private Label scenario;
    @FXML
    private ChoiceBox<ReportService.Format> format;
    @FXML
    private TextField titleField;
    @FXML
    private CheckBox redact;
    @FXML
    private Label budgets;
    @FXML
    private TextField fileField;
    @FXML
    private Button chooseButton;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label status;
    @FXML
    private Label previewCaption;
    @FXML
    private Label previewEmpty;
    @FXML
    private ScrollPane imageScroll;
    @FXML
    private ImageView previewImage;
    @FXML
    private TextArea previewText;
    @FXML
    private Button cancelButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button closeButton;

    public ReportExportView(ReportExportViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        scenario.textProperty().bind(viewModel.scenarioProperty());
        budgets.textProperty().bind(viewModel.budgetsProperty());
        format.getItems().setAll(viewModel.formats());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportService.Format f) {
                return f == null ? "" : viewModel.formatLabel(f);
            }

            @Override
            public ReportService.Format fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        redact.selectedProperty().bindBidirectional(viewModel.redactProperty());
        fileField.textProperty().bind(Bindings.createStringBinding(() -> viewModel.fileProperty().get() == null ? ""
                : viewModel.fileProperty().get().toString(), viewModel.fileProperty()));
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(ReportExportViewModel.Phase.EXPORTING)
                .or(viewModel.phaseProperty().isEqualTo(ReportExportViewModel.Phase.DONE)));
        status.textProperty().bind(viewModel.statusProperty());
        previewCaption.textProperty().bind(viewModel.previewCaptionProperty());

        previewImage.imageProperty().bind(Bindings.createObjectBinding(() -> {
            byte[] png = viewModel.previewPngProperty().get();
            return png == null ? null : new Image(new ByteArrayInputStream(png));
        }, viewModel.previewPngProperty()));
        previewImage.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(200,
                imageScroll.getViewportBounds().getWidth() - 24), imageScroll.viewportBoundsProperty()));
        previewText.textProperty().bind(viewModel.previewTextProperty());
        var hasImage = viewModel.previewPngProperty().isNotNull();
        var hasText = viewModel.previewTextProperty().isNotEmpty();
        imageScroll.visibleProperty().bind(hasImage);
        previewText.visibleProperty().bind(hasText);
        previewEmpty.visibleProperty().bind(hasImage.not().and(hasText.not()));

        var busy = viewModel.busyBinding();
        for (javafx.scene.Node n : new javafx.scene.Node[] {format, titleField, redact, chooseButton}) {
            n.disableProperty().bind(busy);
        }
        exportButton.disableProperty().bind(viewModel.canExportBinding().not());
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        DialogHost.onHidden(root, viewModel::closed);
        viewModel.opened();
    }

    @FXML
    private void chooseFile() {
        viewModel.chooseFile();
    }

    @FXML
    private void export() {
        viewModel.export();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        DialogHost.close(root);
    }
}
