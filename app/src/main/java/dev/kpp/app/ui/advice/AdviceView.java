package dev.kpp.app.ui.advice;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.chart.TornadoChart;
import dev.kpp.app.ui.common.SelectableText;
import dev.kpp.app.ui.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/**
 * The Advice panel: the recommendation for the window's scenario and budgets, the ranking with each
 * mode's reasons and risks, risks, a growth chart with dates, a sensitivity tornado, the migration plan
 * and the compatibility checks. Every text is selectable; the sections sit in two columns on a wide pane.
 */
public final class AdviceView {
    /** Width of the panel from which the charts sit beside the reasons. */
    static final double TWO_COLUMNS = 1100;
    private final AdviceViewModel viewModel;
    private final Messages messages;
    private final ValidationSupport validation = new ValidationSupport();
    private boolean wide;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox content;
    @FXML
    private Label headline;
    @FXML
    private Label certainty;
    @FXML
    private ProgressIndicator spinner;
    @FXML
    private Button copyJson;
    @FXML
    private Button copyMarkdown;
    @FXML
    private Label status;
    @FXML
    private FlowPane inputs;
    @FXML
    private TextField growth;
    @FXML
    private TextField horizon;
    @FXML
    private ComboBox<AdviceViewModel.CurrentMode> currentMode;
    @FXML
    private TextField sensitivity;
    @FXML
    private VBox inputErrors;
    @FXML
    private VBox summary;
    @FXML
    private GridPane columns;
    @FXML
    private ColumnConstraints leftColumn;
    @FXML
    private ColumnConstraints rightColumn;
    @FXML
    private VBox whySection;
    @FXML
    private VBox reasons;
    @FXML
    private VBox risksSection;
    @FXML
    private VBox risks;
    @FXML
    private VBox rankingSection;
    @FXML
    private GridPane ranking;
    private final List<VBox> modeCards = new java.util.ArrayList<>();
    private final List<SelectableText> texts = new java.util.ArrayList<>();
    private int used;
    @FXML
    private VBox growthSection;
    @FXML
    private LogChart growthChart;
    @FXML
    private Label growthNote;
    @FXML
    private VBox crossings;
    @FXML
    private VBox sensitivitySection;
    @FXML
    private Label sensitivityNote;
    @FXML
    private TornadoChart tornado;
    @FXML
    private VBox flips;
    @FXML
    private VBox migrationSection;
    @FXML
    private Label migrationTitle;
    @FXML
    private VBox migration;
    @FXML
    private VBox checksSection;
    @FXML
    private GridPane checks;

    public AdviceView(AdviceViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        growth.textProperty().bindBidirectional(viewModel.growthProperty());
        horizon.textProperty().bindBidirectional(viewModel.horizonProperty());
        sensitivity.textProperty().bindBidirectional(viewModel.sensitivityProperty());
        growth.setTooltip(new Tooltip(messages.get("advice.panel.input.growth.tooltip")));
        horizon.setTooltip(new Tooltip(messages.get("advice.panel.input.horizon.tooltip")));
        sensitivity.setTooltip(new Tooltip(messages.get("advice.panel.input.sensitivity.tooltip")));
        currentMode.setTooltip(new Tooltip(messages.get("advice.panel.input.currentMode.tooltip")));
        currentMode.getItems().setAll(AdviceViewModel.CurrentMode.values());
        currentMode.valueProperty().bindBidirectional(viewModel.currentModeProperty());
        StringConverter<AdviceViewModel.CurrentMode> names = new StringConverter<>() {
            @Override
            public String toString(AdviceViewModel.CurrentMode m) {
                return m == null ? "" : viewModel.currentModeLabel(m);
            }

            @Override
            public AdviceViewModel.CurrentMode fromString(String s) {
                return null;
            }
        };
        currentMode.setConverter(names);
        currentMode.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(AdviceViewModel.CurrentMode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : names.toString(item));
            }
        });
        invalidWhile(growth, viewModel.growthErrorProperty(), "adviceGrowthError");
        invalidWhile(horizon, viewModel.horizonErrorProperty(), "adviceHorizonError");
        invalidWhile(sensitivity, viewModel.sensitivityErrorProperty(), "adviceSensitivityError");

        copyJson.setOnAction(e -> viewModel.copyJson());
        copyMarkdown.setOnAction(e -> viewModel.copyMarkdown());
        copyJson.disableProperty().bind(viewModel.contentProperty().isNull());
        copyMarkdown.disableProperty().bind(viewModel.contentProperty().isNull());
        spinner.visibleProperty().bind(viewModel.computingProperty());
        status.textProperty().bind(viewModel.statusTextProperty());
        status.visibleProperty().bind(viewModel.statusTextProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Tooltip timing = new Tooltip();
        timing.textProperty().bind(viewModel.timingProperty());
        Tooltip.install(headline, timing);
        headline.visibleProperty().bind(headline.textProperty().isNotEmpty());
        headline.managedProperty().bind(headline.visibleProperty());

        viewModel.contentProperty().addListener((obs, o, n) -> show(n));
        content.widthProperty().addListener((obs, o, n) -> arrange(n.doubleValue() >= TWO_COLUMNS, false));
        arrange(false, true);
        show(viewModel.contentProperty().get());
    }

    private void invalidWhile(TextField field, ObservableStringValue error, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("input-error");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(error);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotNull(error));
        l.managedProperty().bind(l.visibleProperty());
        inputErrors.getChildren().add(l);
        validation.registerValidator(field, false, (javafx.scene.control.Control c, String v) ->
                ValidationResult.fromErrorIf(c, error.get(), error.get() != null));
    }

    /** Two columns (reasons, risks and ranking beside the charts) on wide panes, one on narrow ones. */
    private void arrange(boolean twoColumns, boolean force) {
        if (twoColumns == wide && !force) {
            return;
        }
        wide = twoColumns;
        columns.getChildren().clear();
        if (twoColumns) {
            leftColumn.setPercentWidth(50);
            rightColumn.setPercentWidth(50);
            columns.add(stack(whySection, risksSection), 0, 0);
            columns.add(stack(growthSection, sensitivitySection), 1, 0);
            columns.add(rankingSection, 0, 1, 2, 1);
            columns.add(migrationSection, 0, 2, 2, 1);
            columns.add(checksSection, 0, 3, 2, 1);
        } else {
            leftColumn.setPercentWidth(100);
            rightColumn.setPercentWidth(0);
            List<Node> order = List.of(whySection, risksSection, growthSection, sensitivitySection, rankingSection,
                    migrationSection, checksSection);
            for (int i = 0; i < order.size(); i++) {
                columns.add(order.get(i), 0, i);
            }
        }
        layOutRanking();
    }

    /** The mode cards: two a row on a wide panel, one on a narrow one. */
    private void layOutRanking() {
        int perRow = wide ? 2 : 1;
        ranking.getChildren().clear();
        ranking.getColumnConstraints().clear();
        for (int i = 0; i < perRow; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / perRow);
            c.setHgrow(Priority.ALWAYS);
            ranking.getColumnConstraints().add(c);
        }
        for (int i = 0; i < modeCards.size(); i++) {
            VBox card = modeCards.get(i);
            GridPane.setValignment(card, javafx.geometry.VPos.TOP);
            GridPane.setFillHeight(card, true);
            card.setMaxHeight(Double.MAX_VALUE);
            ranking.add(card, i % perRow, i / perRow);
        }
    }

    private static VBox stack(Node... sections) {
        VBox box = new VBox(12, sections);
        box.setFillWidth(true);
        GridPane.setValignment(box, javafx.geometry.VPos.TOP);
        return box;
    }

    private void show(AdviceContent c) {
        columns.setVisible(c != null);
        summary.setVisible(c != null);
        if (c == null) {
            headline.setText("");
            certainty.setText("");
            certainty.setVisible(false);
            return;
        }
        used = 0;
        headline.setText(c.headline());
        headline.pseudoClassStateChanged(Styles.SWITCH, c.switching());
        certainty.setVisible(true);
        certainty.setText(c.certainty());
        tone(certainty, c.certaintyTone());

        summary.getChildren().setAll(c.summary().stream().map(s -> text(s, "advice-summary-line")).toList());
        bullets(reasons, c.reasons(), "fth-check-circle", "advice-reason");
        riskRows(risks, c.risks(), messages.get("advice.panel.risks.none"));
        modeCards.clear();
        c.ranking().forEach(m -> modeCards.add(modeCard(m)));
        layOutRanking();

        growthChart.dataProperty().set(c.growth());
        growthChart.setVisible(c.growth() != null);
        growthChart.setManaged(c.growth() != null);
        note(growthNote, c.growthNote());
        bullets(crossings, c.crossings(), "fth-trending-up", "advice-crossing");
        if (c.crossings().isEmpty()) {
            crossings.getChildren().setAll(muted(messages.get("advice.panel.crossings.none")));
        }

        note(sensitivityNote, c.sensitivity());
        tornado.dataProperty().set(c.tornado());
        tornado.setVisible(c.tornado() != null);
        tornado.setManaged(c.tornado() != null);
        bullets(flips, c.flips(), "fth-shuffle", "advice-flip");
        if (c.flips().isEmpty()) {
            flips.getChildren().setAll(muted(messages.get("report.sensitivity.noFlips")));
        }

        showMigration(c.migration());
        showChecks(c.checks());
    }

    // ------------------------------------------------------------------ building blocks

    /**
     * @return a selectable text: one of the last update's, reused (a text area's skin is costly to build, and
     *         most updates change only numbers), or a new one
     */
    private SelectableText text(String s, String styleClass) {
        SelectableText t;
        if (used < texts.size()) {
            t = texts.get(used);
            t.setId(null);
            t.setText(s);
        } else {
            t = new SelectableText(s);
            texts.add(t);
        }
        used++;
        List<String> classes = new java.util.ArrayList<>(SelectableText.STYLE_CLASSES);
        classes.add(styleClass);
        if (!t.getStyleClass().equals(classes)) {
            t.getStyleClass().setAll(classes);
        }
        return t;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-note");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static void note(Label l, String s) {
        l.setText(s);
        l.setVisible(s != null && !s.isEmpty());
        l.setManaged(l.isVisible());
    }

    private static HBox item(Node mark, Node body) {
        HBox row = new HBox(8, mark, body);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(body, Priority.ALWAYS);
        return row;
    }

    private void bullets(VBox box, List<String> lines, String icon, String styleClass) {
        box.getChildren().clear();
        for (String s : lines) {
            FontIcon i = new FontIcon(icon);
            i.getStyleClass().add("advice-bullet");
            StackPane mark = new StackPane(i);
            mark.getStyleClass().add("advice-mark");
            box.getChildren().add(item(mark, text(s, styleClass)));
        }
    }

    private static void tone(Label l, AdviceContent.Tone tone) {
        l.pseudoClassStateChanged(Styles.FINE, tone == AdviceContent.Tone.FINE);
        l.pseudoClassStateChanged(Styles.CAUTION, tone == AdviceContent.Tone.CAUTION);
        l.pseudoClassStateChanged(Styles.SEVERE, tone == AdviceContent.Tone.SEVERE);
    }

    private static Label badge(AdviceContent.Badge badge) {
        Label b = new Label(badge.text());
        b.getStyleClass().add("advice-pill");
        b.setMinWidth(Region.USE_PREF_SIZE);
        tone(b, badge.tone());
        return b;
    }

    private void riskRows(VBox box, List<AdviceContent.Risk> list, String none) {
        box.getChildren().clear();
        for (AdviceContent.Risk r : list) {
            Label sev = badge(r.severity());
            sev.getStyleClass().add("advice-severity");
            box.getChildren().add(item(sev, text(r.message(), "advice-risk")));
        }
        if (list.isEmpty() && none != null) {
            box.getChildren().add(muted(none));
        }
    }

    private VBox modeCard(AdviceContent.Ranked m) {
        Pane swatch = new Pane();
        swatch.getStyleClass().addAll("mode-swatch", "mode-" + m.mode().id());
        Label name = new Label(m.name());
        name.getStyleClass().add("advice-mode-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane badges = new FlowPane(6, 4);
        m.badges().forEach(b -> badges.getChildren().add(badge(b)));
        HBox.setHgrow(badges, Priority.ALWAYS);
        Label score = new Label(messages.get("advice.panel.score", m.score()));
        score.getStyleClass().add("advice-score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        Region track = new Region();
        track.getStyleClass().add("kv-bar-track");
        Region bar = new Region();
        bar.getStyleClass().add("kv-bar");
        bar.maxWidthProperty().bind(track.widthProperty().multiply(m.fraction()));
        StackPane bars = new StackPane(track, bar);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bars.getStyleClass().add("kv-bars");
        bars.setPrefWidth(90);
        bars.setMinWidth(60);
        bars.setMaxHeight(6);
        HBox top = new HBox(8, swatch, name, badges, bars, score);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, top);
        card.setId("adviceMode-" + m.mode().id());
        card.getStyleClass().add("advice-mode");
        card.pseudoClassStateChanged(Styles.RECOMMENDED, m.recommended());
        VBox why = new VBox(3);
        bullets(why, m.reasons(), "fth-chevron-right", "advice-mode-reason");
        card.getChildren().add(why);
        if (!m.risks().isEmpty()) {
            VBox rs = new VBox(3);
            riskRows(rs, m.risks(), null);
            card.getChildren().add(rs);
        }
        return card;
    }

    private void showMigration(AdviceContent.Migration m) {
        migrationSection.setVisible(m != null);
        migrationSection.setManaged(m != null);
        migration.getChildren().clear();
        if (m == null) {
            return;
        }
        migrationTitle.setText(m.title());
        steps("advice.panel.migration.prerequisites", m.prerequisites());
        migration.getChildren().add(subtitle("advice.panel.migration.configDiff"));
        SelectableText diff = text(String.join("\n", m.configDiff()), "advice-code");
        diff.setId("adviceConfigDiff");
        migration.getChildren().add(diff);
        steps("advice.panel.migration.rollout", m.rollout());
        steps("advice.panel.migration.verify", m.verify());
        steps("advice.panel.migration.rollback", m.rollback());
        migration.getChildren().add(subtitle("advice.panel.migration.monitoring"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setId("adviceMonitoring");
        ColumnConstraints expr = new ColumnConstraints();
        expr.setPercentWidth(55);
        ColumnConstraints value = new ColumnConstraints();
        value.setPercentWidth(12);
        ColumnConstraints basis = new ColumnConstraints();
        basis.setPercentWidth(33);
        grid.getColumnConstraints().setAll(expr, value, basis);
        grid.addRow(0, header("advice.panel.monitor.metric"), header("advice.panel.monitor.above"),
                header("advice.panel.monitor.basis"));
        int row = 1;
        for (AdviceContent.Monitor mo : m.monitoring()) {
            grid.addRow(row++, text(mo.metric(), "advice-code"), text(mo.threshold(), "advice-value"),
                    text(mo.basis(), "advice-basis"));
        }
        migration.getChildren().add(grid);
    }

    private Label header(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("advice-column-header");
        return l;
    }

    private Label subtitle(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("advice-subtitle");
        return l;
    }

    private void steps(String titleKey, List<AdviceContent.Step> steps) {
        migration.getChildren().add(subtitle(titleKey));
        int n = 1;
        for (AdviceContent.Step s : steps) {
            Label num = new Label(messages.get("advice.panel.step", n++));
            num.getStyleClass().add("advice-step-number");
            num.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = new VBox(3, text(s.text(), "advice-step"));
            if (!s.commands().isEmpty()) {
                body.getChildren().add(text(String.join("\n", s.commands()), "advice-code"));
            }
            migration.getChildren().add(item(num, body));
        }
    }

    private void showChecks(List<AdviceContent.CheckRow> rows) {
        checks.getChildren().clear();
        checks.getColumnConstraints().clear();
        ColumnConstraints mode = new ColumnConstraints();
        mode.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints req = new ColumnConstraints();
        req.setHgrow(Priority.ALWAYS);
        ColumnConstraints st = new ColumnConstraints();
        st.setMinWidth(Region.USE_PREF_SIZE);
        checks.getColumnConstraints().setAll(mode, req, st);
        checks.addRow(0, header("advice.panel.check.mode"), header("advice.panel.check.requirement"),
                header("advice.panel.check.status"));
        int row = 1;
        for (AdviceContent.CheckRow c : rows) {
            Label m = new Label(c.mode());
            m.getStyleClass().add("advice-check-mode");
            checks.addRow(row++, m, text(c.requirement(), "advice-check"), badge(c.status()));
        }
    }

    /** Copies the recommendation as JSON (Edit menu). */
    public void copyJson() {
        viewModel.copyJson();
    }

    /** Copies the recommendation as Markdown (Edit menu). */
    public void copyMarkdown() {
        viewModel.copyMarkdown();
    }

    /** @return the panel's scroll pane (tests, screenshots) */
    public ScrollPane scroll() {
        return scroll;
    }
}
