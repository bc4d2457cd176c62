package dev.kpp.app.ui.chart;

import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.ImageExport;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.model.plan.Metric;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.kpp.app.ui.common.WindowTests.SHOTS;
import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chart export (defect 13): the charts themselves, no controls, on a light background even in the
 * dark theme, at the size chosen, as PNG and as SVG with text kept as text.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChartExportTest {
    private final FakeDialogs dialogs = new FakeDialogs();
    private AppContext ctx;
    private Scene scene;

    @Start
    void start(Stage stage) {
        ctx = Contexts.context(new FakeImporter(), new FxTaskRunner(2), dialogs, new FakeClipboard(),
                new ChartImages(ThemeManager.lightStylesheets()));
        scene = Contexts.show(stage, ctx.loadMainView(), 1600, 1000, ThemeChoice.DARK);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void thePngIsTheChartsAtTheChosenSizeOnALightBackgroundInTheDarkTheme(FxRobot robot) throws Exception {
        waitFor(() -> ctx.results().hasPlanProperty().get());
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve("export-charts.png");
        Files.deleteIfExists(png);
        dialogs.imageExport = new ImageExport(png, ImageExport.Format.PNG, new ImageExport.Size(1600, 1000));
        robot.interact(() -> ctx.results().exportCharts());
        waitFor(() -> Files.exists(png) && Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1000);
        for (int[] p : new int[][]{{3, 3}, {1596, 3}, {3, 996}, {1596, 996}, {800, 500}}) {
            assertThat(image.getRGB(p[0], p[1]) & 0xffffff).as("background at %s,%s", p[0], p[1]).isEqualTo(0xffffff);
        }
        int coloured = 0;
        for (int x = 0; x < 1600; x += 7) {
            for (int y = 0; y < 1000; y += 7) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("mode-coloured pixels (the curves)").isGreaterThan(200);
        assertThat(dialogs.imageExportTitles).containsExactly("Export the four charts");
    }

    @Test
    void theSvgKeepsTitlesAndTicksAsTextAndHatchesLowConfidenceBands(FxRobot robot) throws Exception {
        waitFor(() -> ctx.results().hasPlanProperty().get());
        List<byte[]> svg = new ArrayList<>();
        robot.interact(() -> {
            ChartRenderer r = new ChartImages(ThemeManager.lightStylesheets());
            svg.add(r.render(List.of(ctx.results().plot(Metric.SYNC_PARTIAL_SECONDS),
                    ctx.results().plot(Metric.CONNTRACK_UTILIZATION)), ImageExport.Format.SVG,
                    new ImageExport.Size(1200, 750)));
        });
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve("export-charts.svg"), svg.get(0));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.get(0)));
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1200");
        assertThat(doc.getDocumentElement().getAttribute("height")).isEqualTo("750");
        NodeList texts = doc.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertThat(words).contains("Partial sync", "Conntrack use", "iptables", "eBPF (Cilium)", "Services", "budget 1 s",
                "hatched: low confidence");
        assertThat(words).anySatisfy(w -> assertThat(w).endsWith(" s"));
        assertThat(doc.getElementsByTagName("pattern").getLength()).as("hatching patterns").isGreaterThan(0);
        assertThat(doc.getElementsByTagName("polyline").getLength()).as("one curve per mode and chart").isEqualTo(8);
    }
}
