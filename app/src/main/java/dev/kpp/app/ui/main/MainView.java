package dev.kpp.app.ui.main;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.advice.AdviceView;
import dev.kpp.app.ui.advice.AdviceViewModel;
import dev.kpp.app.ui.calibration.CalibrationView;
import dev.kpp.app.ui.common.DialogHost;
import dev.kpp.app.ui.common.Elide;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.Tips;
import dev.kpp.app.ui.common.ViewLoader;
import dev.kpp.app.ui.connect.ConnectView;
import dev.kpp.app.ui.export.ReportExportView;
import dev.kpp.app.ui.inventory.InventoryView;
import dev.kpp.app.ui.results.ResultsView;
import dev.kpp.app.ui.scenario.ScenarioView;
import dev.kpp.app.ui.settings.SettingsViewModel;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The main window: menus, toolbar, the three panes, drag and drop, and the status bar. */
public final class MainView {
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
    private final MainViewModel viewModel;
    private final SettingsViewModel settings;
    private final Messages messages;
    private final DialogHost dialogHost;
    private Runnable closer = () -> { };
    private boolean dividerMoved;

    @FXML
    private BorderPane root;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu samplesMenu;
    @FXML
    private MenuItem importFilesItem;
    @FXML
    private MenuItem importFolderItem;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem redoItem;
    @FXML
    private MenuItem copyJsonItem;
    @FXML
    private MenuItem exportJsonItem;
    @FXML
    private MenuItem exportChartsItem;
    @FXML
    private MenuItem exportReportItem;
    @FXML
    private MenuItem saveSnapshotItem;
    @FXML
    private RadioMenuItem themeSystem;
    @FXML
    private RadioMenuItem themeLight;
    @FXML
    private RadioMenuItem themeDark;
    @FXML
    private ToggleButton darkToggle;
    @FXML
    private Button importButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private Label basisLabel;
    @FXML
    private javafx.scene.control.SplitPane split;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab planTab;
    @FXML
    private Tab calibrationTab;
    @FXML
    private Tab adviceTab;
    @FXML
    private MenuItem copyAdviceJsonItem;
    @FXML
    private MenuItem copyAdviceMarkdownItem;
    @FXML
    private VBox dropOverlay;
    @FXML
    private StatusBar statusBar;
    @FXML
    private InventoryView inventoryController;
    @FXML
    private ScenarioView scenarioController;
    @FXML
    private ResultsView resultsController;

    private final Button cancelButton = new Button();
    private final ViewLoader views;
    private final AdviceViewModel adviceModel;
    /** The Advice panel, loaded when its tab is first chosen (or the Edit menu copies its text). */
    private AdviceView adviceController;

    /**
     * @param views  loads the Calibration and Advice tabs' views when they are first chosen: the window's
     *               first frame lays out only what it shows (docs/benchmarks.md, "Start-up")
     * @param advice the Advice panel's model: it computes only while its tab is shown, and the Edit menu
     *               copies its text without building the panel
     */
    public MainView(MainViewModel viewModel, SettingsViewModel settings, Messages messages, DialogHost dialogHost,
                    ViewLoader views, AdviceViewModel advice) {
        this.views = views;
        this.adviceModel = advice;
        this.viewModel = viewModel;
        this.settings = settings;
        this.messages = messages;
        this.dialogHost = dialogHost;
    }

    @FXML
    private void initialize() {
        boolean canImport = viewModel.imports().available();
        importFilesItem.setDisable(!canImport);
        importFolderItem.setDisable(!canImport);
        importButton.setDisable(!canImport);
        undoItem.disableProperty().bind(viewModel.scenario().canUndoProperty().not());
        redoItem.disableProperty().bind(viewModel.scenario().canRedoProperty().not());
        undoButton.disableProperty().bind(viewModel.scenario().canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.scenario().canRedoProperty().not());
        copyJsonItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        exportJsonItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        exportChartsItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        exportReportItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        saveSnapshotItem.disableProperty().bind(viewModel.imports().canSaveSnapshotBinding().not());
        basisLabel.textProperty().bind(viewModel.scenario().basisProperty());
        copyAdviceJsonItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        copyAdviceMarkdownItem.disableProperty().bind(viewModel.results().hasPlanProperty().not());
        loadWhenChosen(calibrationTab, this::calibrationView);
        loadWhenChosen(adviceTab, this::advice);
        adviceModel.activeProperty().bind(adviceTab.selectedProperty());

        for (int i = 0; i < viewModel.samples().size(); i++) {
            var sample = viewModel.samples().get(i);
            MenuItem item = new MenuItem(viewModel.sampleLabel(sample));
            if (i < DIGITS.length) {
                item.setAccelerator(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.ALT_DOWN));
            }
            item.setOnAction(e -> viewModel.newFromSample(sample));
            samplesMenu.getItems().add(item);
        }
        viewModel.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();

        themeSystem.setUserData(ThemeChoice.SYSTEM);
        themeLight.setUserData(ThemeChoice.LIGHT);
        themeDark.setUserData(ThemeChoice.DARK);
        selectTheme(settings.themeProperty().get());
        settings.themeProperty().addListener((obs, o, n) -> selectTheme(n));
        themeSystem.setOnAction(e -> settings.themeProperty().set(ThemeChoice.SYSTEM));
        themeLight.setOnAction(e -> settings.themeProperty().set(ThemeChoice.LIGHT));
        themeDark.setOnAction(e -> settings.themeProperty().set(ThemeChoice.DARK));
        darkToggle.setOnAction(e -> settings.themeProperty().set(darkToggle.isSelected() ? ThemeChoice.DARK
                : ThemeChoice.LIGHT));

        // status bar: the running task's message and progress, else the last outcome
        statusBar.setText("");
        cancelButton.setText(messages.get("status.cancel"));
        cancelButton.getStyleClass().add("status-cancel");
        cancelButton.setOnAction(e -> viewModel.cancelTask());
        cancelButton.setVisible(false);
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        statusBar.getRightItems().add(cancelButton);
        // the input-to-chart time is a developer's figure: a tooltip, never the status text
        Tips.install(statusBar, viewModel.results().timingProperty(), tip -> { });
        viewModel.session().taskProperty().addListener((obs, o, n) -> bindTask(n));
        bindTask(null);

        // side panes take a share of the window up to a cap, the results the rest; once the user drags a
        // divider, the panes keep the widths chosen
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (javafx.scene.Node n = (javafx.scene.Node) e.getTarget(); n != null && n != split; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider")) {
                    dividerMoved = true;
                    javafx.scene.control.SplitPane.setResizableWithParent(split.getItems().get(0), false);
                    javafx.scene.control.SplitPane.setResizableWithParent(split.getItems().get(1), false);
                }
            }
        });
        split.widthProperty().addListener((obs, o, n) -> sizePanes(n.doubleValue()));

        // drag and drop onto the whole window
        root.setOnDragOver(this::dragOver);
        root.setOnDragExited(e -> showDrop(false));
        root.setOnDragDropped(this::dragDropped);
    }

    private void sizePanes(double w) {
        if (dividerMoved || w <= 0) {
            return;
        }
        double inventory = Math.min(285, w * 0.17);
        double scenario = Math.min(370, w * 0.26);
        split.setDividerPositions(inventory / w, (inventory + scenario) / w);
    }

    private void bindTask(RunningTask task) {
        statusBar.textProperty().unbind();
        statusBar.progressProperty().unbind();
        if (task == null) {
            statusBar.textProperty().bind(viewModel.statusBinding());
            statusBar.setProgress(0);
            cancelButton.setVisible(false);
        } else {
            statusBar.textProperty().bind(task.messageProperty());
            statusBar.progressProperty().bind(task.progressProperty());
            cancelButton.setVisible(task.cancellable());
        }
    }

    private void selectTheme(ThemeChoice t) {
        themeSystem.setSelected(t == ThemeChoice.SYSTEM);
        themeLight.setSelected(t == ThemeChoice.LIGHT);
        themeDark.setSelected(t == ThemeChoice.DARK);
    }

    /** Keeps the toolbar's moon toggle in step with the applied (not the chosen) theme. */
    public void showDarkApplied(boolean dark) {
        darkToggle.setSelected(dark);
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        List<Path> files = viewModel.recentFiles();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            Path parent = p.toAbsolutePath().getParent();
            MenuItem item = new MenuItem(messages.get("menu.file.recent.item", String.valueOf(p.getFileName()),
                    parent == null ? "" : Elide.middle(parent.toString(), 56)));
            item.setMnemonicParsing(false);
            if (i < DIGITS.length) {
                item.setAccelerator(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN));
            }
            item.setOnAction(e -> viewModel.openRecent(p));
            recentMenu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.file.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem(messages.get("menu.file.recent.clear"));
            clear.setOnAction(e -> viewModel.clearRecent());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && viewModel.imports().available()) {
            e.acceptTransferModes(TransferMode.COPY);
            showDrop(true);
        }
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && viewModel.imports().available();
        if (ok) {
            viewModel.imports().importPaths(e.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        showDrop(false);
        e.setDropCompleted(ok);
        e.consume();
    }

    private void showDrop(boolean on) {
        dropOverlay.setVisible(on);
        root.pseudoClassStateChanged(Styles.DROP_TARGET, on);
    }

    /** @param closeWindow closes the window (used after the unsaved-changes check) */
    public void setCloser(Runnable closeWindow) {
        this.closer = closeWindow;
    }

    /** Asks about unsaved changes, then closes. */
    public void requestClose() {
        viewModel.requestClose(closer);
    }

    public Parent root() {
        return root;
    }

    public ResultsView results() {
        return resultsController;
    }

    public ScenarioView scenario() {
        return scenarioController;
    }

    @FXML
    private void importFiles() {
        viewModel.imports().chooseFiles();
    }

    @FXML
    private void importFolder() {
        viewModel.imports().chooseFolder();
    }

    @FXML
    private void connectCluster() {
        dialogHost.show(ConnectView.class, root.getScene().getWindow(), messages.get("connect.title"));
    }

    @FXML
    private void saveSnapshot() {
        viewModel.imports().saveSnapshot();
    }

    @FXML
    private void exportReport() {
        dialogHost.show(ReportExportView.class, root.getScene().getWindow(), messages.get("export.title"));
    }

    @FXML
    private void openScenario() {
        viewModel.openScenario();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void saveAs() {
        viewModel.saveAs();
    }

    @FXML
    private void exportCharts() {
        viewModel.exportCharts();
    }

    @FXML
    private void exportJson() {
        viewModel.exportJson();
    }

    @FXML
    private void copyJson() {
        viewModel.copyJson();
    }

    @FXML
    private void quit() {
        requestClose();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    @FXML
    private void resetInputs() {
        viewModel.scenario().resetInputs();
    }

    @FXML
    private void focusServices() {
        scenarioController.focusServices();
    }

    @FXML
    private void showPlan() {
        tabs.getSelectionModel().select(planTab);
    }

    @FXML
    private void showCalibration() {
        tabs.getSelectionModel().select(calibrationTab);
    }

    @FXML
    private void showAdvice() {
        tabs.getSelectionModel().select(adviceTab);
    }

    /** Selects the Advice tab (tests, Ctrl+3). */
    public void selectAdvice() {
        showAdvice();
    }

    private static void loadWhenChosen(Tab tab, Runnable load) {
        if (tab.isSelected()) {
            load.run();
        }
        tab.selectedProperty().addListener((obs, was, is) -> {
            if (is) {
                load.run();
            }
        });
    }

    private void calibrationView() {
        if (calibrationTab.getContent() == null) {
            calibrationTab.setContent(views.load(CalibrationView.class));
        }
    }

    /** @return the Advice panel (loaded now if its tab was never chosen) */
    public AdviceView advice() {
        if (adviceController == null) {
            ViewLoader.Loaded<AdviceView> loaded = views.loadWith(AdviceView.class);
            adviceController = loaded.controller();
            adviceTab.setContent(loaded.root());
        }
        return adviceController;
    }

    @FXML
    private void copyAdviceJson() {
        adviceModel.copyJson();
    }

    @FXML
    private void copyAdviceMarkdown() {
        adviceModel.copyMarkdown();
    }

    /** Selects the Calibration tab (tests, Ctrl+2). */
    public void selectCalibration() {
        showCalibration();
    }

    /** Selects the Plan tab (tests, Ctrl+1). */
    public void selectPlan() {
        showPlan();
    }

    @FXML
    private void showShortcuts() {
        viewModel.showShortcuts();
    }

    @FXML
    private void showAbout() {
        viewModel.showAbout();
    }
}
