package dev.kpp.app.report;

import dev.kpp.app.report.chart.Canvas;
import dev.kpp.app.report.chart.Chart;
import dev.kpp.app.report.chart.ReportFonts;
import dev.kpp.app.report.doc.ReportDocument;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportServiceTest {
    private static final Planner PLANNER = new Planner(Calibration.embedded());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static ReportInput input(String sample) {
        return new ReportInput("", LocalDate.of(2026, 1, 1), "sample:" + sample,
                Samples.byName(sample).orElseThrow().params(), MetricCatalog.defaultBudgets(),
                Optional.of(new Growth.Linear(150)), 12, 0.5, Optional.empty(), false);
    }

    /** A disk that fills up after {@code okFiles} files: what a full disk does to an atomic write. */
    private static ReportService fullAfter(int okFiles, List<Path> attempted) {
        AtomicInteger n = new AtomicInteger();
        return new ReportService(PLANNER, CLOCK, (target, bytes) -> {
            attempted.add(target);
            if (n.getAndIncrement() >= okFiles) {
                throw new IOException("No space left on device");
            }
            ReportService.writeAtomically(target, bytes);
        });
    }

    @Test
    void aFullDiskLeavesTheOldReportAndNoPartOfTheNewOne() throws IOException {
        Path md = dir.resolve("report.md");
        Files.writeString(md, "the previous report");
        List<Path> attempted = new ArrayList<>();
        ReportService service = fullAfter(3, attempted);
        assertThatThrownBy(() -> service.write(new ReportService.ReportRequest(input("growth-4k"), null,
                ReportService.Format.MARKDOWN, md, null, null))).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left on device");
        assertThat(attempted).hasSize(4);
        assertThat(Files.readString(md)).isEqualTo("the previous report");
        try (var s = Files.walk(dir)) {
            assertThat(s.filter(Files::isRegularFile).toList()).containsExactly(md);
        }
    }

    @Test
    void cancellingStopsBeforeAnythingIsWritten() {
        Path pdf = dir.resolve("report.pdf");
        List<String> steps = new ArrayList<>();
        assertThatThrownBy(() -> new ReportService(PLANNER, CLOCK).write(new ReportService.ReportRequest(
                input("small"), null, ReportService.Format.PDF, pdf, (done, key) -> steps.add(key), () -> true)))
                .isInstanceOf(CancellationException.class);
        assertThat(Files.exists(pdf)).isFalse();
        assertThat(steps).containsExactly("report.progress.plan");
    }

    @Test
    void progressRunsFromPlanToDoneAndThePreviewRendersTheTitlePage() throws IOException {
        List<Double> done = new ArrayList<>();
        Path pdf = dir.resolve("report.pdf");
        ReportService.Result r = new ReportService(PLANNER, CLOCK).write(new ReportService.ReportRequest(
                input("tigera-10k"), null, ReportService.Format.PDF, pdf, (d, key) -> done.add(d), null));
        assertThat(done).isSorted().startsWith(0.0).endsWith(1.0);
        assertThat(r.pages()).isGreaterThan(10);
        var image = ReportService.preview(Files.readAllBytes(pdf), 0, 40);
        assertThat(image.getWidth()).isBetween(320, 340); // A4 at 40 dpi
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("the title page shows text").isGreaterThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tigera-10k", "small", "growth-4k", "large-50k"})
    void noChartLabelOverlapsAnotherOrLeavesTheChart(String sample) {
        ReportDocument doc = ReportBuilder.build(ReportModel.compute(PLANNER, input(sample), null));
        int charts = 0;
        for (ReportDocument.Section s : doc.sections()) {
            for (ReportDocument.Block b : s.blocks()) {
                if (b instanceof ReportDocument.Figure f) {
                    charts++;
                    check(f.chart());
                }
            }
        }
        assertThat(charts).isGreaterThanOrEqualTo(6);
    }

    private static void check(Chart chart) {
        double w = 483;
        double h = chart.height(w);
        Recording c = new Recording();
        chart.draw(c, w, h);
        assertThat(c.boxes).isNotEmpty();
        for (double[] b : c.boxes) {
            assertThat(b[0]).as(chart.title() + ": text left of the chart").isGreaterThanOrEqualTo(-0.01);
            assertThat(b[2]).as(chart.title() + ": text right of the chart").isLessThanOrEqualTo(w + 0.01);
            assertThat(b[1]).as(chart.title() + ": text above the chart").isGreaterThanOrEqualTo(-0.01);
            assertThat(b[3]).as(chart.title() + ": text below the chart").isLessThanOrEqualTo(h + 0.01);
        }
        for (int i = 0; i < c.boxes.size(); i++) {
            for (int j = i + 1; j < c.boxes.size(); j++) {
                double[] a = c.boxes.get(i);
                double[] b = c.boxes.get(j);
                boolean overlap = a[0] < b[2] - 0.3 && b[0] < a[2] - 0.3 && a[1] < b[3] - 0.3 && b[1] < a[3] - 0.3;
                assertThat(overlap).as(chart.title() + ": '" + c.texts.get(i) + "' overlaps '" + c.texts.get(j) + "'")
                        .isFalse();
            }
        }
    }

    /** Records where text goes: [x0, top, x1, baseline + descent]. */
    private static final class Recording implements Canvas {
        final List<double[]> boxes = new ArrayList<>();
        final List<String> texts = new ArrayList<>();

        @Override
        public void text(double x, double y, String text, double size, boolean bold, Color color, Anchor a) {
            double tw = ReportFonts.width(text, size, bold);
            double x0 = a == Anchor.START ? x : a == Anchor.MIDDLE ? x - tw / 2 : x - tw;
            boxes.add(new double[] {x0, y - size * 0.76, x0 + tw, y + size * 0.24});
            texts.add(text);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n, Stroke stroke) {
        }

        @Override
        public void fill(double[] xs, double[] ys, int n, Color color, double alpha) {
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill, Stroke stroke) {
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill, Stroke stroke) {
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }
    }
}
