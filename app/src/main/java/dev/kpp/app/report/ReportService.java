package dev.kpp.app.report;

import dev.kpp.app.report.chart.AwtCanvas;
import dev.kpp.app.report.chart.Chart;
import dev.kpp.app.report.chart.SvgCanvas;
import dev.kpp.app.report.doc.ReportDocument;
import dev.kpp.app.report.pdf.PdfReportWriter;
import dev.kpp.app.text.AppInfo;
import dev.kpp.importer.snapshot.Provenance;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.plan.Planner;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Writes reports: the one entry point for the CLI's {@code kpp report} and the window's File → Export
 * report. Safe to call on a worker thread; reports progress through a plain callback (the window adapts
 * it to its task's progress) and stops between steps when cancelled. Every file is written atomically
 * (a temporary file beside it, then a move), so a failed or cancelled export leaves no half-written file.
 */
public final class ReportService {
    /** Report formats. */
    public enum Format {
        PDF("pdf"), MARKDOWN("md"), CSV("csv"), JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** @return the file extension, without the dot */
        public String extension() {
            return extension;
        }

        /** @return the format for a name: pdf, md/markdown, csv, json */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "pdf" -> PDF;
                case "md", "markdown" -> MARKDOWN;
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("unknown report format '" + s
                        + "' (expected pdf, md, csv or json)");
            };
        }

        /** @return the format a file name's extension names, if it names one */
        public static java.util.Optional<Format> of(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = n.lastIndexOf('.');
            if (dot < 0) {
                return java.util.Optional.empty();
            }
            try {
                return java.util.Optional.of(parse(n.substring(dot + 1)));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Progress of a report: a share of the work done and a message key ({@code report.progress.*}). */
    @FunctionalInterface
    public interface Progress {
        /** Never reports. */
        Progress NONE = (done, key) -> { };

        /** @param done 0..1 @param messageKey what is happening, as a message key */
        void progress(double done, String messageKey);
    }

    /**
     * What to write.
     *
     * @param input     the report input (scenario, budgets, options, title, date, redaction)
     * @param imported  the imported inventory, or null for a synthetic scenario (redacted here when the
     *                  input asks for it)
     * @param format    the format
     * @param output    the file (for Markdown the charts go to {@code <name>-charts/} beside it; for CSV
     *                  the sweep goes to {@code <name>-sweep.csv})
     * @param progress  progress callback (called on the calling thread)
     * @param cancelled checked between steps
     */
    public record ReportRequest(ReportInput input, ImportResult imported, Format format, Path output,
                                Progress progress, BooleanSupplier cancelled) {
        public ReportRequest {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(output, "output");
            progress = progress == null ? Progress.NONE : progress;
            cancelled = cancelled == null ? () -> false : cancelled;
        }
    }

    /**
     * What was written.
     *
     * @param files   the files, the main one first
     * @param pages   the PDF's pages (0 for other formats)
     * @param model   the computed report
     * @param timings milliseconds per step ({@code plan}, {@code render}, {@code write}), in order
     */
    public record Result(List<Path> files, int pages, ReportModel model, Map<String, Long> timings) {
        public Result {
            files = List.copyOf(files);
            timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
        }
    }

    /** A PDF in memory. @param bytes the file @param pages its pages */
    public record Pdf(byte[] bytes, int pages) {
    }

    /** Where report files go: atomically, one file at a time. */
    @FunctionalInterface
    interface FileSink {
        /** Writes one file; on failure the target is unchanged. */
        void write(Path target, byte[] bytes) throws IOException;
    }

    private final Planner planner;
    private final Clock clock;
    private final FileSink sink;

    /**
     * @param planner the planner (its calibration fitted once by the composition root)
     * @param clock   the clock for the PDF's creation time
     */
    public ReportService(Planner planner, Clock clock) {
        this(planner, clock, ReportService::writeAtomically);
    }

    /** With another file sink (tests: a disk that fills up). */
    ReportService(Planner planner, Clock clock, FileSink sink) {
        this.planner = Objects.requireNonNull(planner);
        this.clock = Objects.requireNonNull(clock);
        this.sink = Objects.requireNonNull(sink);
    }

    /**
     * Computes and writes a report.
     *
     * @throws IOException           when a file cannot be written (nothing half-written is left)
     * @throws CancellationException when cancelled (nothing is written)
     */
    public Result write(ReportRequest req) throws IOException {
        req.progress().progress(0, "report.progress.plan");
        Map<String, Long> timings = new java.util.LinkedHashMap<>();
        long t0 = System.nanoTime();
        ImportResult imported = req.imported();
        ReportInput input = req.input();
        if (imported != null && input.redacted() && !imported.redacted()) {
            imported = ReportRedaction.redact(imported);
        }
        if (imported != null && input.redacted()) {
            input = input.redactedAs(ReportRedaction.SOURCE);
        }
        ReportModel model = ReportModel.compute(planner, input, imported);
        check(req);
        long t1 = System.nanoTime();
        timings.put("plan", (t1 - t0) / 1_000_000);
        long[] t2 = {t1};
        req.progress().progress(0.5, "report.progress.document");
        Path out = req.output();
        List<Path> files = new ArrayList<>();
        int pages = 0;
        switch (req.format()) {
            case PDF -> {
                Pdf pdf = pdf(model);
                check(req);
                t2[0] = System.nanoTime();
                req.progress().progress(0.8, "report.progress.write");
                writeAll(List.of(out), List.of(pdf.bytes()));
                pages = pdf.pages();
                files.add(out);
            }
            case MARKDOWN -> {
                ReportDocument doc = ReportBuilder.build(model);
                String dirName = stem(out) + "-charts";
                Path dir = out.toAbsolutePath().getParent().resolve(dirName);
                List<Path> charts = new ArrayList<>();
                List<byte[]> bytes = new ArrayList<>();
                for (ReportDocument.Section s : doc.sections()) {
                    for (ReportDocument.Block b : s.blocks()) {
                        if (b instanceof ReportDocument.Figure f) {
                            charts.add(dir.resolve(f.file() + ".svg"));
                            bytes.add(svg(f.chart()).getBytes(StandardCharsets.UTF_8));
                            charts.add(dir.resolve(f.file() + ".png"));
                            bytes.add(png(f.chart(), 2));
                        }
                    }
                }
                check(req);
                t2[0] = System.nanoTime();
                req.progress().progress(0.8, "report.progress.write");
                List<Path> targets = new ArrayList<>(charts);
                targets.add(out);
                bytes.add(MarkdownReportWriter.write(doc, dirName).getBytes(StandardCharsets.UTF_8));
                writeAll(targets, bytes);
                files.add(out);
                files.addAll(charts);
            }
            case CSV -> {
                Path sweep = out.toAbsolutePath().getParent().resolve(stem(out) + "-sweep.csv");
                String modes = ReportFormats.modesCsv(model);
                String growth = ReportFormats.sweepCsv(model.plan());
                t2[0] = System.nanoTime();
                req.progress().progress(0.8, "report.progress.write");
                writeAll(List.of(out, sweep), List.of(modes.getBytes(StandardCharsets.UTF_8),
                        growth.getBytes(StandardCharsets.UTF_8)));
                files.add(out);
                files.add(sweep);
            }
            case JSON -> {
                String json = ReportFormats.json(model);
                t2[0] = System.nanoTime();
                req.progress().progress(0.8, "report.progress.write");
                writeAll(List.of(out), List.of(json.getBytes(StandardCharsets.UTF_8)));
                files.add(out);
            }
        }
        long t3 = System.nanoTime();
        timings.put("render", (t2[0] - t1) / 1_000_000);
        timings.put("write", (t3 - t2[0]) / 1_000_000);
        req.progress().progress(1, "report.progress.done");
        return new Result(files, pages, model, timings);
    }

    private static void check(ReportRequest req) {
        if (req.cancelled().getAsBoolean()) {
            throw new CancellationException("report cancelled");
        }
    }

    /**
     * The one place report files reach the disk (a safe-writer swap is a one-line change here).
     *
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        AtomicFiles.writeBytes(target, bytes);
    }

    /**
     * Writes the files of one report in order; when one fails, the ones this call created are removed
     * again, so a failed export leaves neither a half-written file nor half a report.
     */
    private void writeAll(List<Path> targets, List<byte[]> contents) throws IOException {
        List<Path> created = new ArrayList<>();
        try {
            for (int i = 0; i < targets.size(); i++) {
                Path t = targets.get(i);
                boolean existed = Files.exists(t);
                sink.write(t, contents.get(i));
                if (!existed) {
                    created.add(t);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path c : created) {
                try {
                    Files.deleteIfExists(c);
                } catch (IOException ignored) {
                    // best effort: the error below is what the user must see
                }
            }
            throw e;
        }
    }

    /** @return the file name without its extension */
    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** @return the report as PDF bytes, with its input (and inventory) attached */
    public Pdf pdf(ReportModel model) throws IOException {
        ReportDocument doc = ReportBuilder.build(model);
        List<PdfReportWriter.Attachment> files = new ArrayList<>();
        files.add(new PdfReportWriter.Attachment(ReportInputCodec.FILE, "application/json",
                ReportBuilder.t("report.attachment.input"),
                ReportInputCodec.write(model.input(), model.fromInventory()).getBytes(StandardCharsets.UTF_8)));
        if (model.fromInventory()) {
            files.add(new PdfReportWriter.Attachment(ReportInputCodec.INVENTORY_FILE, "application/json",
                    ReportBuilder.t("report.attachment.inventory"), snapshot(model.imported())));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        int pages = PdfReportWriter.write(doc, ReportBuilder::t, files, clock.instant(), out);
        return new Pdf(out.toByteArray(), pages);
    }

    private static byte[] snapshot(ImportResult r) throws IOException {
        Snapshot s = new Snapshot(new Provenance(AppInfo.version(), r.importedAt(), "", r.redacted(), r.cancelled(),
                r.sources()), r.inventory(), r.metrics(), r.ruleDumps(), r.skippedKinds());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        SnapshotCodec.write(s, out);
        return out.toByteArray();
    }

    /** @return a chart as SVG */
    public static String svg(Chart chart) {
        double w = 500;
        double h = chart.height(w);
        SvgCanvas c = new SvgCanvas(w, h, chart.title());
        chart.draw(c, w, h);
        return c.svg();
    }

    /** @return a chart as PNG at {@code scale} pixels per point */
    public static byte[] png(Chart chart, double scale) throws IOException {
        double w = 500;
        double h = chart.height(w);
        AwtCanvas c = new AwtCanvas(w, h, scale);
        chart.draw(c, w, h);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(c.image(), "png", out);
        return out.toByteArray();
    }

    /**
     * Renders a PDF page, for the window's preview of an export.
     *
     * @param pdf  the PDF
     * @param page the page, from 0
     * @param dpi  resolution (72 = one pixel per point)
     * @return the page as an image
     */
    public static BufferedImage preview(byte[] pdf, int page, float dpi) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFRenderer(d).renderImageWithDPI(page, dpi);
        }
    }

    /** A report input read back from a PDF report (or a report-input JSON file). */
    public record Loaded(ReportInput input, ImportResult imported) {
    }

    /**
     * Reads the input a PDF report carries ({@code kpp report --from}).
     *
     * @param file a PDF written by kpp report, or its {@code kpp-report-input.json}
     * @return the input and, for an inventory report, the embedded inventory
     * @throws IOException naming the file and what is missing or wrong
     */
    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 5);
            if (n < 5 || !new String(head, StandardCharsets.US_ASCII).equals("%PDF-")) {
                ReportInputCodec.Read r = ReportInputCodec.read(Files.readAllBytes(file), file.toString());
                if (r.hasInventory()) {
                    throw new IOException(file + ": this input belongs to an inventory report; use the PDF, which "
                            + "carries the inventory too");
                }
                return new Loaded(r.input(), null);
            }
        }
        Map<String, byte[]> files;
        try {
            files = PdfReportWriter.attachments(file);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable PDF (" + e.getMessage() + ")");
        }
        byte[] json = files.get(ReportInputCodec.FILE);
        if (json == null) {
            throw new IOException(file + ": no " + ReportInputCodec.FILE + " attached; was it written by kpp report?");
        }
        ReportInputCodec.Read r = ReportInputCodec.read(json, file + "!/" + ReportInputCodec.FILE);
        if (!r.hasInventory()) {
            return new Loaded(r.input(), null);
        }
        byte[] inv = files.get(ReportInputCodec.INVENTORY_FILE);
        if (inv == null) {
            throw new IOException(file + ": the report input names an inventory, but no "
                    + ReportInputCodec.INVENTORY_FILE + " is attached");
        }
        String name = file + "!/" + ReportInputCodec.INVENTORY_FILE;
        try {
            Snapshot s = SnapshotCodec.read(new ByteArrayInputStream(inv), name, Cancellation.NEVER);
            Provenance p = s.provenance();
            return new Loaded(r.input(), new ImportResult(s.inventory(), s.metrics(), s.ruleDumps(), p.files(),
                    List.of(), s.skippedKinds(), p.partial(), p.importedAt(), p.redacted()));
        } catch (ImportException e) {
            throw new IOException(name + ": " + e.getMessage());
        }
    }
}
