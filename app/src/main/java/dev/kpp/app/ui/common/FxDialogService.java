package dev.kpp.app.ui.common;

import dev.kpp.app.text.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with JavaFX alerts and choosers, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Messages messages;
    private File lastDirectory;

    /**
     * @param owner    the window dialogs belong to
     * @param messages wording for buttons and filters
     */
    public FxDialogService(Supplier<Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void showError(String title, String header, List<String> details) {
        show(Alert.AlertType.ERROR, title, header, details);
    }

    @Override
    public void showInfo(String title, String header, List<String> details) {
        show(Alert.AlertType.INFORMATION, title, header, details);
    }

    private void show(Alert.AlertType type, String title, String header, List<String> details) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (details.size() <= 4) {
            alert.setContentText(String.join("\n", details));
        } else {
            TextArea area = new TextArea(String.join("\n", details));
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(Math.min(14, details.size()));
            area.getStyleClass().add("dialog-details");
            alert.getDialogPane().setContent(area);
        }
        alert.getDialogPane().getStyleClass().add("kpp-dialog");
        alert.setResizable(true);
        alert.showAndWait();
    }

    @Override
    public UnsavedChoice confirmUnsaved(String title, String header) {
        ButtonType save = new ButtonType(messages.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("dialog.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("dialog.unsaved.content"), save, discard,
                cancel);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            return UnsavedChoice.SAVE;
        }
        return answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public List<Path> chooseFilesToImport(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.filter.inventory"), "*.json", "*.yaml", "*.yml",
                        "*.csv", "*.gz"),
                new FileChooser.ExtensionFilter(messages.get("dialog.filter.all"), "*"));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastDirectory = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolderToImport(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File dir = chooser.showDialog(owner.get());
        if (dir == null) {
            return Optional.empty();
        }
        lastDirectory = dir.getParentFile();
        return Optional.of(dir.toPath());
    }

    @Override
    public Optional<Path> chooseScenarioToOpen(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(scenarioFilter());
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseScenarioToSave(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(scenarioFilter());
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseJsonToSave(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("dialog.filter.json"), "*.json"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<ImageExport> chooseImageExport(String title, String suggestedBase, List<ImageExport.Size> sizes) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ChoiceBox<ImageExport.Format> format = new ChoiceBox<>();
        format.getItems().setAll(ImageExport.Format.values());
        format.setValue(ImageExport.Format.PNG);
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageExport.Format f) {
                return f == null ? "" : messages.get(f == ImageExport.Format.PNG ? "dialog.export.png"
                        : "dialog.export.svg");
            }

            @Override
            public ImageExport.Format fromString(String s) {
                return null;
            }
        });
        ChoiceBox<ImageExport.Size> size = new ChoiceBox<>();
        size.getItems().setAll(sizes);
        size.setValue(sizes.get(0));
        size.setConverter(new StringConverter<>() {
            @Override
            public String toString(ImageExport.Size s) {
                return s == null ? "" : messages.get("dialog.export.size", s.width(), s.height());
            }

            @Override
            public ImageExport.Size fromString(String s) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(messages.get("dialog.export.format")), format);
        grid.addRow(1, new Label(messages.get("dialog.export.sizeLabel")), size);
        Label note = new Label(messages.get("dialog.export.note"));
        note.setWrapText(true);
        note.setMaxWidth(360);
        grid.add(note, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType next = new ButtonType(messages.get("dialog.export.choose"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(next, cancel);
        dialog.getDialogPane().getStyleClass().add("kpp-dialog");
        if (dialog.showAndWait().orElse(cancel) != next) {
            return Optional.empty();
        }
        ImageExport.Format f = format.getValue();
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(f == ImageExport.Format.PNG
                ? "dialog.filter.png" : "dialog.filter.svg"), "*." + f.extension()));
        chooser.setInitialFileName(suggestedBase + "." + f.extension());
        return remember(chooser.showSaveDialog(owner.get())).map(p -> {
            String name = p.getFileName().toString();
            Path file = name.toLowerCase(java.util.Locale.ROOT).endsWith("." + f.extension()) ? p
                    : p.resolveSibling(name + "." + f.extension());
            return new ImageExport(file, f, size.getValue());
        });
    }

    @Override
    public Optional<Path> chooseKubeconfig(String title, Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path dir = current != null ? current.toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"), ".kube");
        if (dir != null && dir.toFile().isDirectory()) {
            chooser.setInitialDirectory(dir.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.filter.all"), "*"),
                new FileChooser.ExtensionFilter(messages.get("connect.filter.kubeconfig"), "*.yaml", "*.yml", "config"));
        File f = chooser.showOpenDialog(owner.get());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseSnapshotToSave(String title, String suggestedName) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("connect.filter.snapshot"),
                "*.kpp.json", "*.json"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseReportToSave(String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title);
        List<String[]> formats = new java.util.ArrayList<>(List.of(new String[] {"pdf", "export.filter.pdf"},
                new String[] {"md", "export.filter.markdown"}, new String[] {"csv", "export.filter.csv"},
                new String[] {"json", "export.filter.json"}));
        formats.sort(java.util.Comparator.comparing(f -> !f[0].equals(extension)));
        for (String[] f : formats) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(f[1]), "*." + f[0]));
        }
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private FileChooser.ExtensionFilter scenarioFilter() {
        return new FileChooser.ExtensionFilter(messages.get("dialog.filter.scenario"), "*.kpp-scenario.json", "*.json");
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
