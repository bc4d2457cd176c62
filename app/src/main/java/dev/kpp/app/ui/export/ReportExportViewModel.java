package dev.kpp.app.ui.export;

import dev.kpp.app.report.AtomicFiles;
import dev.kpp.app.report.ReportInput;
import dev.kpp.app.report.ReportService;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.TaskContext;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.results.ResultsViewModel;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.importer.io.OutputException;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.Planner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * File → Export report: the window's scenario, budgets and inventory as the report {@code kpp report}
 * writes ({@link ReportService}, the same code and options), as PDF, Markdown, CSV or JSON (the format
 * also follows the chosen file's extension), optionally redacted. Runs in the background with
 * progress, writes atomically (a failure leaves no file and no half of one), then previews the first
 * page (the PDF rendered by PDFBox) or the first lines.
 */
public final class ReportExportViewModel {
    /** Where the dialog is. */
    public enum Phase { READY, EXPORTING, DONE, FAILED }

    /** Lines of a text report shown as its preview. */
    static final int PREVIEW_LINES = 60;
    /** Resolution of the PDF preview (pixels per inch). */
    static final float PREVIEW_DPI = 110;

    private final PlannerSession session;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Texts texts;
    private final Clock dates;

    private final ObjectProperty<ReportService.Format> format = new SimpleObjectProperty<>(this, "format",
            ReportService.Format.PDF);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyStringWrapper scenario = new ReadOnlyStringWrapper(this, "scenario", "");
    private final ReadOnlyStringWrapper budgets = new ReadOnlyStringWrapper(this, "budgets", "");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<byte[]> previewPng = new ReadOnlyObjectWrapper<>(this, "previewPng");
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", "");
    private final ReadOnlyStringWrapper previewCaption = new ReadOnlyStringWrapper(this, "previewCaption", "");
    private final ReadOnlyObjectWrapper<ReportService.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanBinding busy;
    private final BooleanBinding canExport;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    /**
     * @param session shared state: the scenario, budgets, inventory and planner
     * @param runner  background work
     * @param dialogs the file chooser
     * @param texts   wording
     * @param dates   the report's date and the PDF's creation time (UTC, like the CLI's)
     */
    public ReportExportViewModel(PlannerSession session, TaskRunner runner, DialogService dialogs, Texts texts,
                                 Clock dates) {
        this.session = session;
        this.runner = runner;
        this.dialogs = dialogs;
        this.texts = texts;
        this.dates = dates;
        busy = phase.isEqualTo(Phase.EXPORTING);
        canExport = Bindings.createBooleanBinding(() -> !busy.get() && file.get() != null
                && session.plannerProperty().get() != null, busy, file, session.plannerProperty());
        format.addListener((o, a, f) -> {
            Path p = file.get();
            if (p != null && f != null && ReportService.Format.of(p).orElse(null) != f) {
                file.set(p.resolveSibling(stem(p) + "." + f.extension()));
            }
        });
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /** The dialog opened: describes what will be exported now. */
    public void opened() {
        if (busy.get()) {
            return;
        }
        LoadedInventory inv = session.inventoryProperty().get();
        scenario.set(inv != null ? text("export.scenario.inventory", inv.name(),
                Numbers.count(session.inputsProperty().get().services()))
                : text("export.scenario.sample", session.sourceName(),
                Numbers.count(session.inputsProperty().get().services())));
        budgets.set(describe(session.budgetsProperty().get()));
        phase.set(Phase.READY);
        status.set("");
        progress.set(0);
    }

    private String describe(Budgets b) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Metric, Double> e : b.limits().entrySet()) {
            parts.add(text("export.budget", texts.label(e.getKey()), Numbers.format(e.getValue(), e.getKey().unit(),
                    false)));
        }
        return parts.isEmpty() ? text("export.budgets.none") : String.join(", ", parts);
    }

    /** Asks where to write; the format follows the file's extension, or the extension the format. */
    public void chooseFile() {
        ReportService.Format f = format.get();
        String suggested = file.get() != null ? String.valueOf(file.get().getFileName())
                : "kpp-report-" + session.sourceName().replaceAll("[^A-Za-z0-9._-]", "-") + "." + f.extension();
        dialogs.chooseReportToSave(text("export.file.choose.title"), suggested, f.extension()).ifPresent(this::useFile);
    }

    /** Uses a file: a known extension sets the format, none gets the format's. */
    public void useFile(Path p) {
        Optional<ReportService.Format> named = ReportService.Format.of(p);
        if (named.isPresent()) {
            file.set(p);
            format.set(named.get());
        } else {
            file.set(p.resolveSibling(p.getFileName() + "." + format.get().extension()));
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Writes the report in the background, then previews it. */
    public void export() {
        Planner planner = session.plannerProperty().get();
        Path out = file.get();
        if (planner == null || out == null || busy.get()) {
            return;
        }
        LoadedInventory inv = session.inventoryProperty().get();
        ReportInput input = new ReportInput(title.get() == null ? "" : title.get().strip(), LocalDate.now(dates),
                session.source(), session.inputsProperty().get(), session.budgetsProperty().get(), Optional.empty(),
                ResultsViewModel.ADVICE_HORIZON_MONTHS, ResultsViewModel.ADVICE_SENSITIVITY, Optional.empty(),
                redact.get());
        ReportService.Format f = format.get();
        ReportService service = new ReportService(planner, dates);
        cancelRequested.set(false);
        previewPng.set(null);
        previewText.set("");
        previewCaption.set("");
        result.set(null);
        phase.set(Phase.EXPORTING);
        var task = runner.<Written>task(ctx -> write(service, new ReportService.ReportRequest(input,
                inv == null ? null : inv.result(), f, out, null, null), ctx)).named("export-report")
                .onSuccess(w -> {
                    result.set(w.result());
                    previewPng.set(w.png());
                    previewText.set(w.text());
                    previewCaption.set(w.caption());
                    end(Phase.DONE, w.result().pages() > 0
                            ? text("export.status.donePages", String.valueOf(out.getFileName()),
                            Numbers.count(w.result().pages()))
                            : text("export.status.done", String.valueOf(out.getFileName())));
                    session.post(status.get());
                })
                .onError(CancellationException.class, e -> end(Phase.READY, text("export.status.cancelled")))
                .onError(OutputException.class, e -> end(Phase.FAILED, text("export.status.failed",
                        AtomicFiles.describe(e))))
                .onError(IOException.class, e -> end(Phase.FAILED, text("export.status.failed",
                        text("export.error.io", String.valueOf(out), e.getMessage() == null
                                ? e.getClass().getSimpleName() : e.getMessage()))))
                .onError(e -> {
                    System.getLogger(ReportExportViewModel.class.getName()).log(System.Logger.Level.ERROR,
                            "report export failed", e);
                    end(Phase.FAILED, text("export.status.failed", text("export.error.internal",
                            e.getClass().getSimpleName())));
                })
                .onCancelled(() -> end(Phase.READY, text("export.status.cancelled")))
                .start();
        if (busy.get()) {
            progress.bind(task.progressProperty());
            status.bind(task.messageProperty());
        }
    }

    /** What the worker hands back: what was written, and its preview. */
    private record Written(ReportService.Result result, byte[] png, String text, String caption) {
    }

    private Written write(ReportService service, ReportService.ReportRequest req, TaskContext ctx) throws IOException {
        ReportService.ReportRequest r = new ReportService.ReportRequest(req.input(), req.imported(), req.format(),
                req.output(), (done, key) -> {
                    ctx.updateProgress(done, 1);
                    ctx.updateMessage(text(key));
                }, () -> cancelRequested.get() || ctx.isCancelled());
        ReportService.Result written = service.write(r);
        ctx.updateMessage(text("export.status.preview"));
        Path main = written.files().get(0);
        if (req.format() == ReportService.Format.PDF) {
            BufferedImage page = ReportService.preview(Files.readAllBytes(main), 0, PREVIEW_DPI);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(page, "png", png);
            return new Written(written, png.toByteArray(), "", text("export.preview.page",
                    Numbers.count(written.pages())));
        }
        List<String> lines = new ArrayList<>();
        long total;
        try (BufferedReader in = Files.newBufferedReader(main, StandardCharsets.UTF_8)) {
            String l;
            while (lines.size() < PREVIEW_LINES && (l = in.readLine()) != null) {
                lines.add(l);
            }
        }
        try (var all = Files.lines(main, StandardCharsets.UTF_8)) {
            total = all.count();
        }
        String caption = written.files().size() > 1
                ? text("export.preview.linesBeside", Numbers.count(lines.size()), Numbers.count(total),
                Numbers.count(written.files().size() - 1))
                : text("export.preview.lines", Numbers.count(lines.size()), Numbers.count(total));
        return new Written(written, null, String.join("\n", lines), caption);
    }

    private void end(Phase p, String message) {
        progress.unbind();
        status.unbind();
        progress.set(p == Phase.DONE ? 1 : 0);
        status.set(message);
        phase.set(p);
    }

    /** Stops the export before it writes; nothing is written. */
    public void cancel() {
        if (busy.get()) {
            cancelRequested.set(true);
        }
    }

    /** The dialog was closed: a running export is cancelled. */
    public void closed() {
        cancel();
    }

    public ObjectProperty<ReportService.Format> formatProperty() {
        return format;
    }

    /** @return the formats offered */
    public List<ReportService.Format> formats() {
        return List.of(ReportService.Format.values());
    }

    /** @return a format's name in the chooser */
    public String formatLabel(ReportService.Format f) {
        return switch (f) {
            case PDF -> text("export.format.pdf");
            case MARKDOWN -> text("export.format.markdown");
            case CSV -> text("export.format.csv");
            case JSON -> text("export.format.json");
        };
    }

    public StringProperty titleProperty() {
        return title;
    }

    public BooleanProperty redactProperty() {
        return redact;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** @return what is exported: the sample or inventory, and its Services */
    public ReadOnlyStringProperty scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** @return the budgets the report checks, in words */
    public ReadOnlyStringProperty budgetsProperty() {
        return budgets.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return the first page as PNG (PDF exports), null otherwise */
    public ReadOnlyObjectProperty<byte[]> previewPngProperty() {
        return previewPng.getReadOnlyProperty();
    }

    /** @return the first lines (Markdown, CSV, JSON exports), "" otherwise */
    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    /** @return what the preview shows ("Page 1 of 23") */
    public ReadOnlyStringProperty previewCaptionProperty() {
        return previewCaption.getReadOnlyProperty();
    }

    /** @return the last export's result, null before one succeeded */
    public ReadOnlyObjectProperty<ReportService.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding busyBinding() {
        return busy;
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }
}
