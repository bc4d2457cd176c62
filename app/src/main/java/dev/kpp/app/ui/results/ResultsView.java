package dev.kpp.app.ui.results;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.Snapshots;
import dev.kpp.app.ui.main.ChartExporter;
import dev.kpp.app.ui.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/** Results: comparison table, crossovers and four charts against the number of Services. */
public final class ResultsView {
    private final ResultsViewModel viewModel;
    private final Messages messages;
    private final ChartExporter exporter;
    private final List<LogChart> charts = new ArrayList<>();
    @FXML
    private Label headline;
    @FXML
    private TableView<ModeRow> table;
    @FXML
    private ListView<CrossoverItem> crossovers;
    @FXML
    private GridPane chartGrid;

    public ResultsView(ResultsViewModel viewModel, Messages messages, ChartExporter exporter) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.exporter = exporter;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        buildTable();
        crossovers.setItems(viewModel.crossovers());
        crossovers.setPlaceholder(new Label(messages.get("results.crossovers.none")));
        crossovers.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CrossoverItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(Styles.BUDGET, !empty && item != null && item.budget());
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    Label text = new Label(item.metricLabel() + ": " + item.text());
                    text.setWrapText(true);
                    text.getStyleClass().add("crossover-text");
                    text.prefWidthProperty().bind(l.widthProperty().subtract(52));
                    text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    HBox box = new HBox(8, new FontIcon(item.budget() ? "fth-alert-octagon" : "fth-shuffle"), text);
                    box.setAlignment(Pos.TOP_LEFT);
                    setGraphic(box);
                }
            }
        });
        List<ObjectProperty<Metric>> slots = viewModel.chartMetrics();
        for (int i = 0; i < slots.size(); i++) {
            chartGrid.add(chartCard(slots.get(i), i), i % 2, i / 2);
        }
        viewModel.revisionProperty().addListener(o -> redraw());
        redraw();
    }

    private void buildTable() {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<ModeRow, ModeRow> mode = new TableColumn<>(messages.get("results.table.mode"));
        mode.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        mode.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ModeRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(s -> s.startsWith("mode-"));
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Pane swatch = new Pane();
                swatch.getStyleClass().addAll("mode-swatch", "mode-" + row.mode().id());
                Label name = new Label(row.name());
                name.getStyleClass().add("mode-name");
                HBox box = new HBox(8, swatch, name);
                box.setAlignment(Pos.CENTER_LEFT);
                if (row.detected()) {
                    Label tag = new Label(messages.get("results.table.detected"));
                    tag.getStyleClass().add("detected-tag");
                    box.getChildren().add(tag);
                }
                setGraphic(box);
                setText(null);
            }
        });
        mode.setMinWidth(172);
        mode.setPrefWidth(176);
        mode.setSortable(false);
        mode.setReorderable(false);
        table.getColumns().add(mode);
        for (Metric m : viewModel.metrics()) {
            TableColumn<ModeRow, ModeRow> col = new TableColumn<>();
            Label header = new Label(viewModel.label(m) + "\n" + viewModel.unit(m));
            header.setWrapText(true);
            header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            header.prefWidthProperty().bind(col.widthProperty().subtract(12));
            header.getStyleClass().add("metric-header");
            header.setTooltip(new Tooltip(messages.get(m.labelKey().replace(".label", ".tooltip"))));
            col.setGraphic(header);
            col.setId("col-" + m.key());
            col.setSortable(false);
            col.setReorderable(false);
            col.setMinWidth(92);
            col.setPrefWidth(106);
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            col.setCellFactory(c -> new MetricCell(m));
            table.getColumns().add(col);
        }
        table.setItems(viewModel.rows());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModeRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(Styles.DETECTED, !empty && row != null && row.detected());
            }
        });
        table.setFixedCellSize(46);
        table.setPlaceholder(new Label(messages.get("results.table.computing")));
        viewModel.rows().addListener((ListChangeListener<ModeRow>) c -> table.refresh());
    }

    private final class MetricCell extends TableCell<ModeRow, ModeRow> {
        private final Metric metric;
        private final Label value = new Label();
        private final Label band = new Label();
        private final VBox box = new VBox(0, value, band);

        MetricCell(Metric metric) {
            this.metric = metric;
            value.getStyleClass().add("metric-value");
            band.getStyleClass().add("metric-band");
            box.setAlignment(Pos.CENTER_RIGHT);
            getStyleClass().add("metric-cell");
        }

        @Override
        protected void updateItem(ModeRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                pseudoClassStateChanged(Styles.BEST, false);
                pseudoClassStateChanged(Styles.OVER_BUDGET, false);
                return;
            }
            Band b = row.values().get(metric.key());
            value.setText(viewModel.formatValue(b));
            band.setText(viewModel.formatBand(b));
            band.setVisible(!band.getText().isEmpty());
            band.setManaged(band.isVisible());
            pseudoClassStateChanged(Styles.BEST, row.best().contains(metric.key()));
            pseudoClassStateChanged(Styles.OVER_BUDGET, row.overBudget().contains(metric.key()));
            setGraphic(box);
        }
    }

    private VBox chartCard(ObjectProperty<Metric> slot, int index) {
        ComboBox<Metric> chooser = new ComboBox<>();
        chooser.getItems().setAll(viewModel.chartableMetrics());
        chooser.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric m) {
                return m == null ? "" : viewModel.label(m);
            }

            @Override
            public Metric fromString(String s) {
                return null;
            }
        });
        chooser.valueProperty().bindBidirectional(slot);
        chooser.getStyleClass().add("chart-chooser");
        chooser.setTooltip(new Tooltip(messages.get("results.chart.choose")));
        LogChart chart = new LogChart();
        chart.setId("chart-" + index);
        charts.add(chart);
        Button export = new Button(null, new FontIcon("fth-download"));
        export.getStyleClass().addAll("icon-button", "flat-button");
        export.setTooltip(new Tooltip(messages.get("results.chart.export")));
        VBox card = new VBox(4);
        export.setOnAction(e -> exporter.export(Snapshots.png(card, 2), slot.get().key()));
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, chooser, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.getChildren().addAll(header, chart);
        card.getStyleClass().add("chart-card");
        slot.addListener(o -> chart.dataProperty().set(viewModel.plot(slot.get())));
        return card;
    }

    private void redraw() {
        PlanResult r = viewModel.resultProperty().get();
        List<ObjectProperty<Metric>> slots = viewModel.chartMetrics();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).dataProperty().set(viewModel.plot(slots.get(i).get()));
        }
        if (r != null) {
            viewModel.chartsRendered(r);
        }
    }

    /** @return the four charts as one PNG (File, Export charts) */
    public byte[] chartsPng() {
        return Snapshots.png(chartGrid, 2);
    }

    /** @return the charts (tests) */
    public List<LogChart> charts() {
        return charts;
    }
}
