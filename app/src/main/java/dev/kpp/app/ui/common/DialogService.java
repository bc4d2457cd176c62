package dev.kpp.app.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs as ViewModels ask for them (JabRef's DialogService). Texts arrive translated. Tests use a
 * fake; {@link FxDialogService} shows real dialogs.
 */
public interface DialogService {
    /** What to do with unsaved changes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** Shows a readable error: a title, a one-line header and optional detail lines (never a stack trace). */
    void showError(String title, String header, List<String> details);

    /** Shows information, e.g. the keyboard shortcuts. */
    void showInfo(String title, String header, List<String> details);

    /** Asks what to do with unsaved changes. */
    UnsavedChoice confirmUnsaved(String title, String header);

    /** @return inventory files chosen by the user, empty when cancelled */
    List<Path> chooseFilesToImport(String title);

    /** @return a folder of inventory files, empty when cancelled */
    Optional<Path> chooseFolderToImport(String title);

    /** @return a scenario file to open */
    Optional<Path> chooseScenarioToOpen(String title);

    /** @return where to save a scenario */
    Optional<Path> chooseScenarioToSave(String title, String suggestedName);

    /** @return where to save a JSON document */
    Optional<Path> chooseJsonToSave(String title, String suggestedName);

    /**
     * Asks how to export images: the format (PNG or SVG), the size and the file.
     *
     * @param title         the dialog's title, naming what is exported
     * @param suggestedBase the file name without extension
     * @param sizes         the sizes offered, in pixels; the first is preselected
     * @return the choice, empty when cancelled
     */
    Optional<ImageExport> chooseImageExport(String title, String suggestedBase, List<ImageExport.Size> sizes);

    /**
     * @param title   the chooser's title
     * @param current the kubeconfig in use, or null for the default (the chooser starts in its folder)
     * @return a kubeconfig file to read contexts from
     */
    Optional<Path> chooseKubeconfig(String title, Path current);

    /** @return where to save a snapshot ({@code *.kpp.json}) */
    Optional<Path> chooseSnapshotToSave(String title, String suggestedName);

    /**
     * @param title         the chooser's title
     * @param suggestedName the file name offered, with the chosen format's extension
     * @param extension     the chosen format's extension, without the dot (its filter comes first)
     * @return where to write a report
     */
    Optional<Path> chooseReportToSave(String title, String suggestedName, String extension);
}
