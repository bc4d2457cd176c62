package dev.kpp.app.ui.results;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.common.Tips;
import dev.kpp.app.ui.theme.Styles;
import dev.kpp.model.plan.Metric;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/**
 * Results: the comparison (metrics as rows, modes as columns: every mode is visible at any window
 * width, and the header row with the mode names stays in view while the rows scroll), the Calico
 * add-on, the crossovers and four charts against the number of Services. The comparison is a plain
 * grid, not a virtualised table: its dozen rows never need recycling, so scrolling can never lose
 * one (docs/adr/0104).
 */
public final class ResultsView {
    /** Width of the results pane from which the crossovers sit beside the comparison. */
    static final double SIDE_BY_SIDE = 900;
    private static final double ALL_METRICS_MAX_HEIGHT = 520;
    private final ResultsViewModel viewModel;
    private final Messages messages;
    private final List<LogChart> charts = new ArrayList<>();
    private final List<Region> header = new ArrayList<>();
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox content;
    @FXML
    private Label headline;
    @FXML
    private ToggleButton allMetrics;
    @FXML
    private Button copyJson;
    @FXML
    private Label status;
    @FXML
    private ProgressIndicator statusSpinner;
    @FXML
    private GridPane topRow;
    @FXML
    private ColumnConstraints crossoverColumn;
    @FXML
    private VBox crossoversCard;
    @FXML
    private ScrollPane comparisonScroll;
    @FXML
    private GridPane comparison;
    @FXML
    private Label calico;
    @FXML
    private ListView<CrossoverItem> crossovers;
    @FXML
    private GridPane chartGrid;
    private DoubleBinding stickyOffset;

    public ResultsView(ResultsViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        allMetrics.selectedProperty().bindBidirectional(viewModel.allMetricsProperty());
        copyJson.disableProperty().bind(viewModel.hasPlanProperty().not());
        copyJson.setOnAction(e -> viewModel.copyJson());
        copyJson.setAccessibleText(messages.get("results.json.copy"));
        status.textProperty().bind(viewModel.statusTextProperty());
        status.visibleProperty().bind(viewModel.statusTextProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        statusSpinner.visibleProperty().bind(viewModel.statusProperty().isNotEqualTo(ResultsViewModel.Status.FAILED));
        calico.textProperty().bind(viewModel.calicoProperty());
        calico.visibleProperty().bind(viewModel.calicoProperty().isNotEmpty());
        calico.managedProperty().bind(calico.visibleProperty());
        Tips.install(calico, messages.get("results.calico.tooltip"));
        calico.setMinHeight(Region.USE_PREF_SIZE);
        buildComparison();
        buildCrossovers();
        List<ObjectProperty<Metric>> slots = viewModel.chartMetrics();
        for (int i = 0; i < slots.size(); i++) {
            chartGrid.add(chartCard(slots.get(i), i), i % 2, i / 2);
        }
        viewModel.revisionProperty().addListener(o -> redraw());
        content.widthProperty().addListener((obs, o, n) -> arrange(n.doubleValue()));
        arrange(content.getWidth());
        redraw();
    }

    private void buildComparison() {
        ColumnConstraints metric = new ColumnConstraints();
        metric.setPercentWidth(24);
        metric.setMinWidth(110);
        comparison.getColumnConstraints().add(metric);
        for (int i = 0; i < 4; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(19);
            c.setMinWidth(90);
            c.setHalignment(HPos.RIGHT);
            comparison.getColumnConstraints().add(c);
        }
        // the header row stays at the top of the viewport while the rows scroll under it
        stickyOffset = Bindings.createDoubleBinding(() -> {
            double excess = comparison.getHeight() - comparisonScroll.getViewportBounds().getHeight();
            return Math.max(0, excess) * comparisonScroll.getVvalue();
        }, comparisonScroll.vvalueProperty(), comparison.heightProperty(), comparisonScroll.viewportBoundsProperty());
        viewModel.modes().addListener((ListChangeListener<ModeColumn>) c -> rebuildComparison());
        viewModel.rows().addListener((ListChangeListener<ComparisonRow>) c -> rebuildComparison());
        viewModel.allMetricsProperty().addListener(o -> sizeComparison());
        comparisonScroll.prefViewportHeightProperty().bind(Bindings.createDoubleBinding(
                () -> viewModel.allMetricsProperty().get()
                        ? Math.min(comparison.getHeight(), ALL_METRICS_MAX_HEIGHT) : comparison.getHeight(),
                comparison.heightProperty(), viewModel.allMetricsProperty()));
        comparisonScroll.setMinHeight(Region.USE_PREF_SIZE);
        comparisonScroll.setMaxHeight(Region.USE_PREF_SIZE);
        // while all metrics scroll under the header, the wheel over them scrolls only them: chained on
        // to the results pane it would carry the header out of view
        comparisonScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (comparison.getHeight() > comparisonScroll.getViewportBounds().getHeight() + 1) {
                double excess = comparison.getHeight() - comparisonScroll.getViewportBounds().getHeight();
                comparisonScroll.setVvalue(Math.max(0, Math.min(1, comparisonScroll.getVvalue() - e.getDeltaY() / excess)));
                e.consume();
            }
        });
        rebuildComparison();
    }

    private void rebuildComparison() {
        comparison.getChildren().clear();
        header.clear();
        Label corner = new Label(messages.get("results.table.metric"));
        corner.getStyleClass().add("comparison-corner");
        addHeader(corner, 0);
        int col = 1;
        for (ModeColumn m : viewModel.modes()) {
            Pane swatch = new Pane();
            swatch.getStyleClass().addAll("mode-swatch", "mode-" + m.mode().id());
            Label name = new Label(m.name());
            name.getStyleClass().add("mode-name");
            name.setWrapText(true);
            name.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
            name.setMinHeight(Region.USE_PREF_SIZE);
            // wide enough for its longest word in the font CSS gives it, so it wraps between words only
            name.fontProperty().addListener((obs, o, f) -> name.setMinWidth(longestWord(m.name(), f)));
            name.setMinWidth(longestWord(m.name(), name.getFont()));
            HBox box = new HBox(6, swatch, name);
            box.setAlignment(Pos.CENTER_RIGHT);
            box.setId("mode-" + m.mode().id());
            VBox cell = new VBox(1, box);
            cell.setAlignment(Pos.CENTER_RIGHT);
            if (m.inUse()) {
                Label tag = new Label(messages.get("results.table.detected"));
                tag.getStyleClass().add("detected-tag");
                cell.getChildren().add(tag);
            }
            cell.pseudoClassStateChanged(Styles.IN_USE, m.inUse());
            addHeader(cell, col++);
        }
        int row = 1;
        for (ComparisonRow r : viewModel.rows()) {
            Label name = new Label(r.label());
            name.getStyleClass().add("metric-name");
            name.setWrapText(true);
            Label unit = new Label(r.unit());
            unit.getStyleClass().add("metric-unit");
            VBox label = new VBox(0, name, unit);
            label.getStyleClass().add("comparison-metric");
            Tips.install(label, r.tooltip(), Tips.wrapped(380, 300));
            addCell(label, 0, row);
            int c = 1;
            for (ComparisonRow.Cell cell : r.cells()) {
                addCell(valueCell(r, cell), c++, row);
            }
            row++;
        }
        sizeComparison();
    }

    /** @return the width of the longest word: a name wraps between words, never inside one ("nftable/s") */
    private static double longestWord(String text, javafx.scene.text.Font font) {
        double widest = 0;
        for (String word : text.split("\\s+")) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(word);
            t.setFont(font);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 2;
    }

    private void addHeader(Region node, int col) {
        node.getStyleClass().add("comparison-header");
        node.setMaxWidth(Double.MAX_VALUE);
        node.setMaxHeight(Double.MAX_VALUE);
        node.translateYProperty().bind(stickyOffset);
        node.setViewOrder(-1);
        header.add(node);
        comparison.add(node, col, 0);
    }

    private void addCell(Region node, int col, int row) {
        node.getStyleClass().add(row % 2 == 0 ? "comparison-even" : "comparison-odd");
        node.setMaxWidth(Double.MAX_VALUE);
        node.setMaxHeight(Double.MAX_VALUE);
        comparison.add(node, col, row);
    }

    private VBox valueCell(ComparisonRow r, ComparisonRow.Cell cell) {
        Label value = new Label(cell.value());
        value.getStyleClass().add("metric-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(4, value);
        top.setAlignment(Pos.CENTER_RIGHT);
        if (cell.lowConfidence()) {
            FontIcon mark = new FontIcon("fth-alert-circle");
            mark.getStyleClass().add("low-confidence-mark");
            Label marker = new Label(null, mark);
            marker.getStyleClass().add("low-confidence");
            marker.setId("low-" + r.metric().key() + "-" + cell.mode().id());
            Tips.install(marker, cell.note(), Tips.wrapped(360, 200));
            marker.setAccessibleText(cell.note());
            top.getChildren().add(0, marker);
        }
        VBox box = new VBox(0, top);
        if (!cell.band().isEmpty()) {
            Label band = new Label(cell.band());
            band.getStyleClass().add("metric-band");
            band.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(band);
        }
        box.setAlignment(Pos.CENTER_RIGHT);
        box.getStyleClass().add("metric-cell");
        box.setId("cell-" + r.metric().key() + "-" + cell.mode().id());
        box.pseudoClassStateChanged(Styles.BEST, cell.best());
        box.pseudoClassStateChanged(Styles.OVER_BUDGET, cell.overBudget());
        box.pseudoClassStateChanged(Styles.LOW_CONFIDENCE, cell.lowConfidence());
        return box;
    }

    /**
     * Headline metrics always show in full (the viewport is as tall as the grid laid out at its
     * width); all metrics scroll under the sticky header beyond a height.
     */
    private void sizeComparison() {
        boolean all = viewModel.allMetricsProperty().get();
        // headline rows never scroll: no scroll bar to take width and make the rows taller than their view
        comparisonScroll.setVbarPolicy(all ? ScrollPane.ScrollBarPolicy.AS_NEEDED : ScrollPane.ScrollBarPolicy.NEVER);
        if (!all) {
            comparisonScroll.setVvalue(0);
        }
    }

    private void buildCrossovers() {
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
                    Label metric = new Label(item.metricLabel());
                    metric.getStyleClass().add("crossover-metric");
                    Label text = new Label(item.text());
                    text.setWrapText(true);
                    text.getStyleClass().add("crossover-text");
                    VBox lines = new VBox(0, metric, text);
                    lines.prefWidthProperty().bind(l.widthProperty().subtract(48));
                    lines.setMinHeight(Region.USE_PREF_SIZE);
                    text.setMinHeight(Region.USE_PREF_SIZE);
                    HBox box = new HBox(8, new FontIcon(item.budget() ? "fth-alert-octagon" : "fth-shuffle"), lines);
                    box.setAlignment(Pos.TOP_LEFT);
                    setGraphic(box);
                }
            }
        });
    }

    /**
     * Crossovers beside the comparison on wide panes; on narrow ones under the charts, tall enough
     * for a dozen items (the results pane scrolls).
     */
    private void arrange(double width) {
        boolean side = width >= SIDE_BY_SIDE;
        if (side && crossoversCard.getParent() != topRow) {
            content.getChildren().remove(crossoversCard);
            topRow.add(crossoversCard, 1, 0);
            crossoverColumn.setPrefWidth(320);
            crossoverColumn.setMinWidth(260);
            crossoverColumn.setMaxWidth(360);
            crossovers.setMinHeight(170);
            crossovers.setPrefHeight(Region.USE_COMPUTED_SIZE);
        } else if (!side && crossoversCard.getParent() == topRow) {
            topRow.getChildren().remove(crossoversCard);
            content.getChildren().add(crossoversCard);
            crossoverColumn.setPrefWidth(0);
            crossoverColumn.setMinWidth(0);
            crossoverColumn.setMaxWidth(0);
            crossovers.setMinHeight(240);
            crossovers.setPrefHeight(460);
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
        chooser.setId("chart-choose-" + index);
        Tips.install(chooser, messages.get("results.chart.choose"));
        LogChart chart = new LogChart();
        chart.setId("chart-" + index);
        charts.add(chart);
        Button export = new Button(null, new FontIcon("fth-download"));
        export.getStyleClass().addAll("icon-button", "flat-button");
        export.setId("chart-export-" + index);
        Tips.install(export, messages.get("results.chart.export"));
        export.setOnAction(e -> viewModel.exportChart(index));
        export.disableProperty().bind(viewModel.hasPlanProperty().not());
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, chooser, spacer, export);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, top, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        card.getStyleClass().add("chart-card");
        slot.addListener(o -> chart.dataProperty().set(viewModel.plot(slot.get())));
        return card;
    }

    private void redraw() {
        List<ObjectProperty<Metric>> slots = viewModel.chartMetrics();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).dataProperty().set(viewModel.plot(slots.get(i).get()));
        }
        viewModel.chartsRendered();
    }

    /** @return the charts (tests) */
    public List<LogChart> charts() {
        return charts;
    }

    /** @return the comparison's header cells, mode columns after the corner (tests) */
    public List<Region> header() {
        return List.copyOf(header);
    }
}
