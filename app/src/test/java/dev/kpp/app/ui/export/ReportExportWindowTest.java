package dev.kpp.app.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.app.AppContext;
import dev.kpp.app.cli.Cli;
import dev.kpp.app.report.ReportService;
import dev.kpp.app.text.Messages;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.common.WindowTests;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.importer.Importers;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.units.Unit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * File → Export report in the real window: the JSON is byte for byte what {@code kpp report} writes for
 * the same sample and date, the PDF is a valid multi-page report whose text holds the same headline
 * numbers, its first page is previewed, and an unwritable path says why and leaves no file.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReportExportWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATE = "2026-01-01";
    private AppContext ctx;
    private FakeDialogs dialogs;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dialogs = new FakeDialogs();
        ctx = new AppContext(SettingsStore.inMemory(), Importers.defaults(), new FxTaskRunner(2), dialogs,
                new FakeClipboard(), new ChartImages(ThemeManager.lightStylesheets()), System::nanoTime,
                Clock.fixed(Instant.parse(DATE + "T09:30:00Z"), ZoneOffset.UTC), Calibration::embedded);
        Parent root = ctx.loadMainView();
        Scene scene = new Scene(root, 1600, 1000);
        scene.getStylesheets().setAll(ThemeManager.lightStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
        ctx.close();
    }

    private void open(FxRobot robot) throws Exception {
        waitFor(() -> !ctx.results().rows().isEmpty());
        String label = Messages.english().get("menu.file.exportReport");
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().get(0).getItems().stream().filter(i -> label.equals(i.getText()))
                .findFirst().orElseThrow();
        assertThat(item.isDisable()).isFalse();
        robot.interact(item::fire);
        waitFor(() -> robot.lookup("#exportButton").tryQuery().isPresent());
    }

    private void export(FxRobot robot, Path file) throws Exception {
        dialogs.reportToSave = file;
        robot.interact(() -> robot.lookup("#exportChoose").queryAs(Button.class).fire());
        waitFor(() -> file.equals(ctx.export().fileProperty().get()));
        robot.interact(() -> robot.lookup("#exportButton").queryAs(Button.class).fire());
        waitFor(() -> ctx.export().phaseProperty().get() != ReportExportViewModel.Phase.EXPORTING);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        assertThat(code).as(err.toString()).isZero();
        return err.toString();
    }

    private static String normal(String s) {
        return s.replaceAll("[\\s\\u00a0\\u202f]+", " ");
    }

    @Test
    void theJsonIsWhatKppReportWritesAndThePdfCarriesItsHeadlineNumbersWithAPreview(FxRobot robot) throws Exception {
        open(robot);
        assertThat(robot.lookup("#exportScenario").queryAs(Label.class).getText()).contains("growth-4k")
                .contains("4,000 Services");
        Path windowJson = dir.resolve("window.json");
        export(robot, windowJson);
        assertThat(ctx.export().phaseProperty().get()).isEqualTo(ReportExportViewModel.Phase.DONE);
        assertThat(ctx.export().formatProperty().get()).as("the format follows the extension")
                .isEqualTo(ReportService.Format.JSON);
        assertThat(ctx.export().previewTextProperty().get()).startsWith("{");
        Path cliJson = dir.resolve("cli.json");
        cli("report", "--sample", "growth-4k", "--date", DATE, "-o", cliJson.toString());
        assertThat(Files.readAllBytes(windowJson)).as("byte for byte kpp report's JSON")
                .isEqualTo(Files.readAllBytes(cliJson));

        Path pdf = dir.resolve("window.pdf");
        long t0 = System.nanoTime();
        export(robot, pdf);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/export-time.txt"), String.format(Locale.ROOT,
                "PDF export of growth-4k from the window: %.2f s, %d pages%n", seconds,
                ctx.export().resultProperty().get().pages()));
        assertThat(ctx.export().phaseProperty().get()).isEqualTo(ReportExportViewModel.Phase.DONE);
        assertThat(ctx.export().formatProperty().get()).isEqualTo(ReportService.Format.PDF);
        int pages = ctx.export().resultProperty().get().pages();
        assertThat(pages).isGreaterThan(5);
        assertThat(ctx.export().statusProperty().get()).isEqualTo("Wrote window.pdf (" + pages + " pages)");
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertThat(d.getNumberOfPages()).isEqualTo(pages);
            text = normal(new PDFTextStripper().getText(d));
        }
        JsonNode report = JSON.readTree(windowJson.toFile());
        JsonNode head = report.path("report").path("headline");
        assertThat(head.size()).isGreaterThan(0);
        for (JsonNode h : head) {
            Unit unit = Unit.valueOf(h.path("unit").asText().toUpperCase(Locale.ROOT));
            Estimate e = new Estimate(h.path("value").asDouble(), h.path("low").asDouble(), h.path("high").asDouble(),
                    Estimate.Confidence.valueOf(h.path("confidence").asText().toUpperCase(Locale.ROOT)),
                    h.path("reason").asText(""), List.of());
            assertThat(text).as(h.toString()).contains(normal(Numbers.format(e, unit)));
        }
        assertThat(text).contains(normal(report.path("recommendation").path("headline").asText()));

        ImageView preview = robot.lookup("#exportPreviewImage").queryAs(ImageView.class);
        assertThat(preview.getImage()).isNotNull();
        assertThat(preview.getImage().getHeight()).isGreaterThan(preview.getImage().getWidth());
        assertThat(preview.isVisible()).isTrue();
        assertThat(ctx.export().previewCaptionProperty().get()).isEqualTo("page 1 of " + pages);
        WindowTests.shot(preview.getScene().getRoot(), "export-report-dialog.png");
    }

    @Test
    void anUnwritablePathSaysWhyAndLeavesNoFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "not a directory");
        Path target = file.resolve("report.pdf");
        open(robot);
        export(robot, target);
        assertThat(ctx.export().phaseProperty().get()).isEqualTo(ReportExportViewModel.Phase.FAILED);
        assertThat(ctx.export().statusProperty().get()).startsWith("Nothing was written.").contains(target.toString());
        assertThat(robot.lookup("#exportStatus").queryAs(Label.class).getText())
                .isEqualTo(ctx.export().statusProperty().get());
        assertThat(ctx.export().previewPngProperty().get()).isNull();
        assertThat(Files.readString(file)).isEqualTo("not a directory");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("file.txt");
        }
    }
}
