package dev.kpp.app.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A scripted {@link DialogService}: records errors and answers choosers from fields. */
public final class FakeDialogs implements DialogService {
    /** One recorded error dialog. */
    public record Shown(String title, String header, List<String> details) {
    }

    public final List<Shown> errors = new ArrayList<>();
    public final List<Shown> infos = new ArrayList<>();
    public UnsavedChoice unsavedAnswer = UnsavedChoice.CANCEL;
    public int unsavedAsked;
    public List<Path> filesToImport = List.of();
    public Path scenarioToOpen;
    public Path scenarioToSave;
    public Path jsonToSave;
    /** The answer to the image export dialog (format and size chosen, and the file). */
    public ImageExport imageExport;
    /** The titles the image export dialog was shown with. */
    public final List<String> imageExportTitles = new ArrayList<>();
    /** The answer to the kubeconfig chooser. */
    public Path kubeconfig;
    /** The answer to the snapshot chooser. */
    public Path snapshotToSave;
    /** The answer to the report chooser. */
    public Path reportToSave;

    @Override
    public void showError(String title, String header, List<String> details) {
        errors.add(new Shown(title, header, List.copyOf(details)));
    }

    @Override
    public void showInfo(String title, String header, List<String> details) {
        infos.add(new Shown(title, header, List.copyOf(details)));
    }

    @Override
    public UnsavedChoice confirmUnsaved(String title, String header) {
        unsavedAsked++;
        return unsavedAnswer;
    }

    @Override
    public List<Path> chooseFilesToImport(String title) {
        return filesToImport;
    }

    @Override
    public Optional<Path> chooseFolderToImport(String title) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseScenarioToOpen(String title) {
        return Optional.ofNullable(scenarioToOpen);
    }

    @Override
    public Optional<Path> chooseScenarioToSave(String title, String suggestedName) {
        return Optional.ofNullable(scenarioToSave);
    }

    @Override
    public Optional<Path> chooseJsonToSave(String title, String suggestedName) {
        return Optional.ofNullable(jsonToSave);
    }

    @Override
    public Optional<ImageExport> chooseImageExport(String title, String suggestedBase, List<ImageExport.Size> sizes) {
        imageExportTitles.add(title);
        return Optional.ofNullable(imageExport);
    }

    @Override
    public Optional<Path> chooseKubeconfig(String title, Path current) {
        return Optional.ofNullable(kubeconfig);
    }

    @Override
    public Optional<Path> chooseSnapshotToSave(String title, String suggestedName) {
        return Optional.ofNullable(snapshotToSave);
    }

    @Override
    public Optional<Path> chooseReportToSave(String title, String suggestedName, String extension) {
        return Optional.ofNullable(reportToSave);
    }
}
