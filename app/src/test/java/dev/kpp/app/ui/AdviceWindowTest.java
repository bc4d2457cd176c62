package dev.kpp.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.app.AppContext;
import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.chart.ChartImages;
import dev.kpp.app.ui.chart.LogChart;
import dev.kpp.app.ui.chart.TornadoChart;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FxDialogService;
import dev.kpp.app.ui.common.FxTaskRunner;
import dev.kpp.app.ui.common.SelectableText;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.settings.ThemeChoice;
import dev.kpp.app.ui.theme.ThemeManager;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.kpp.app.ui.common.WindowTests.SHOTS;
import static dev.kpp.app.ui.common.WindowTests.shot;
import static dev.kpp.app.ui.common.WindowTests.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Advice panel in the window, headless (Monocle): it shows what the advisor says for the sample, its
 * sentences follow a budget or an input change, and the growth rate rejects bad text with a clear message
 * while the shown advice stays.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AdviceWindowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private AppContext ctx;
    private final FakeClipboard clipboard = new FakeClipboard();
    private Scene scene;
    private ThemeManager theme;

    @Start
    void start(Stage stage) {
        ctx = Contexts.context(new FakeImporter(), new FxTaskRunner(2), new FxDialogService(() -> stage,
                Messages.english()), clipboard, new ChartImages(ThemeManager.lightStylesheets()));
        Parent root = ctx.loadMainView();
        scene = new Scene(root, 1600, 1000);
        theme = new ThemeManager(false);
        theme.apply(scene, ThemeChoice.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    private void advised(FxRobot robot) throws Exception {
        robot.interact(() -> ctx.mainView().selectAdvice());
        waitFor(() -> ctx.advice().contentProperty().get() != null && !ctx.advice().computingProperty().get());
    }

    /** @return the texts of the selectable sentences under a node, in order */
    private static List<String> texts(FxRobot robot, String id) {
        Node box = robot.lookup(id).query();
        List<String> out = new ArrayList<>();
        for (Node n : ((Parent) box).lookupAll(".selectable-text")) {
            out.add(((SelectableText) n).getText());
        }
        return out;
    }

    private static List<String> messages(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("message").asText()));
        return out;
    }

    @Test
    void showsTheRecommendationForTheSample(FxRobot robot) throws Exception {
        advised(robot);
        JsonNode json = JSON.readTree(ctx.advice().recommendationJson());
        assertThat(robot.lookup("#adviceHeadline").queryAs(Label.class).getText())
                .isEqualTo(json.get("headline").asText()).isEqualTo("Stay on iptables");
        assertThat(robot.lookup("#adviceCertainty").queryAs(Label.class).getText())
                .isEqualTo("Certainty: " + json.get("certainty").asText());
        assertThat(texts(robot, "#adviceReasons")).isEqualTo(messages(json.get("reasons")));
        for (JsonNode m : json.get("ranking")) {
            String id = "#adviceMode-" + m.get("mode").asText();
            List<String> shown = texts(robot, id);
            List<String> expected = new ArrayList<>(messages(m.get("reasons")));
            expected.addAll(messages(m.get("risks")));
            assertThat(shown).as(id).isEqualTo(expected);
        }
        assertThat(robot.lookup("#adviceTornado").queryAs(TornadoChart.class).dataProperty().get().bars())
                .hasSize(json.get("sensitivity").size() >= 8 ? 8 : json.get("sensitivity").size());
        assertThat(robot.lookup("#adviceGrowthChart").queryAs(LogChart.class).isVisible())
                .as("no growth rate, no dated chart").isFalse();
        assertThat(robot.lookup("#adviceConfigDiff").queryAs(SelectableText.class).getText())
                .contains("+mode: \"iptables\"");
        shot(scene.getRoot(), "advice-light.png");
        robot.interact(() -> theme.apply(scene, ThemeChoice.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        shot(scene.getRoot(), "advice-dark.png");
    }

    @Test
    void aBudgetOrAnInputChangeChangesTheRecommendationsSentences(FxRobot robot) throws Exception {
        advised(robot);
        List<String> before = texts(robot, "#adviceReasons");
        assertThat(String.join("\n", before)).contains("iptables meets every budget at 4,000 Services");

        // a tighter CPU budget: iptables no longer meets it
        TextField cpu = robot.lookup("#budget-cpuCores").queryAs(TextField.class);
        robot.interact(() -> cpu.setText("50m"));
        waitFor(() -> String.join("\n", texts(robot, "#adviceReasons")).contains("against 50m"));
        List<String> tighter = texts(robot, "#adviceReasons");
        assertThat(tighter).isNotEqualTo(before);
        assertThat(String.join("\n", tighter)).contains("iptables exceeds the CPU per node budget")
                .doesNotContain("iptables meets every budget");

        // more Services without keep-alive on a new kernel: advice to switch, with a migration plan
        robot.interact(() -> {
            cpu.setText("250m");
            ctx.scenario().input(dev.kpp.model.scenario.ScenarioField.SERVICES).textProperty().set("10k");
            ctx.scenario().input(dev.kpp.model.scenario.ScenarioField.REQUESTS_PER_CONNECTION).textProperty()
                    .set("1");
            ctx.scenario().input(dev.kpp.model.scenario.ScenarioField.REQUESTS_PER_SECOND).textProperty()
                    .set("3,000");
            ctx.scenario().kernel().textProperty().set("6.12");
            ctx.scenario().kubernetesVersion().textProperty().set("1.33");
        });
        waitFor(() -> robot.lookup("#adviceHeadline").queryAs(Label.class).getText().startsWith("Switch"));
        waitFor(() -> !ctx.advice().computingProperty().get());
        assertThat(String.join("\n", texts(robot, "#adviceReasons"))).contains("10,000 Services");
        assertThat(robot.lookup("#adviceMigrationTitle").queryAs(Label.class).getText())
                .startsWith("Migration plan: iptables to");
        JsonNode json = JSON.readTree(ctx.advice().recommendationJson());
        assertThat(texts(robot, "#adviceReasons")).isEqualTo(messages(json.get("reasons")));
        assertThat(texts(robot, "#adviceRisks")).isEqualTo(messages(json.get("risks")));
        shot(scene.getRoot(), "advice-switch.png");
    }

    @Test
    void theGrowthRateRejectsBadTextClearlyAndKeepsTheAdvice(FxRobot robot) throws Exception {
        advised(robot);
        var shown = ctx.advice().contentProperty().get();
        TextField growth = robot.lookup("#adviceGrowth").queryAs(TextField.class);
        robot.interact(() -> growth.setText("fast"));
        Label error = robot.lookup("#adviceGrowthError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Growth").contains("'fast'").contains("150/month")
                .contains("5%/month");
        assertThat(growth.getStyleClass()).contains("error");
        assertThat(ctx.advice().contentProperty().get()).as("the advice shown stays").isSameAs(shown);

        robot.interact(() -> growth.setText("12/fortnight"));
        assertThat(error.getText()).contains("'fortnight'");

        robot.interact(() -> growth.setText("150/month"));
        assertThat(error.isVisible()).isFalse();
        TextField horizon = robot.lookup("#adviceHorizon").queryAs(TextField.class);
        robot.interact(() -> horizon.setText("500"));
        assertThat(robot.lookup("#adviceHorizonError").queryAs(Label.class).getText())
                .isEqualTo("Horizon must be between 0 and 120 (got 500)");
        robot.interact(() -> horizon.setText("12"));
        waitFor(() -> robot.lookup("#adviceGrowthChart").queryAs(LogChart.class).dataProperty().get() != null
                && !ctx.advice().computingProperty().get());
        var chart = robot.lookup("#adviceGrowthChart").queryAs(LogChart.class).dataProperty().get();
        assertThat(chart.logX()).isFalse();
        assertThat(chart.annotations()).isNotEmpty();
        JsonNode json = JSON.readTree(ctx.advice().recommendationJson());
        String firstDate = json.get("growth").get(0).get("date").asText();
        assertThat(chart.annotations()).anyMatch(a -> a.label().equals(firstDate));
        assertThat(String.join("\n", texts(robot, "#adviceCrossings"))).contains("reached around " + firstDate);
        shot(scene.getRoot(), "advice-growth.png");
    }

    @Test
    void aHiddenPanelAdvisesOnlyWhenShownOrAskedToCopy(FxRobot robot) throws Exception {
        FakeClipboard clipboard = (FakeClipboard) clipboardOf();
        waitFor(() -> ctx.results().hasPlanProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.advice().contentProperty().get()).as("the Plan tab is shown: no advice computed").isNull();

        robot.interact(() -> ctx.scenario().services().textProperty().set("6,000"));
        waitFor(() -> ctx.session().planProperty().get().current().scenario().services() == 6_000);
        robot.interact(() -> ctx.advice().copyJson());
        waitFor(() -> clipboard.text != null);
        JsonNode json = JSON.readTree(clipboard.text);
        assertThat(messages(json.get("reasons"))).anyMatch(m -> m.contains("6,000 Services"));

        advised(robot);
        assertThat(ctx.advice().recommendationJson()).isEqualTo(clipboard.text);
    }

    private dev.kpp.app.ui.common.ClipboardService clipboardOf() {
        return clipboard;
    }

    /** Not a timing assertion: records input-change-to-shown-advice times for the report. */
    @Test
    void recordsTheTimeFromAnInputChangeToTheShownAdvice(FxRobot robot) throws Exception {
        advised(robot);
        int before = ctx.advice().latencies().size();
        for (int i = 1; i <= 10; i++) {
            String services = Integer.toString(4000 + 500 * i);
            int n = ctx.advice().latencies().size();
            robot.interact(() -> ctx.scenario().services().textProperty().set(services));
            waitFor(() -> ctx.advice().latencies().size() > n && !ctx.advice().computingProperty().get());
        }
        var runs = ctx.advice().latencies().subList(before, ctx.advice().latencies().size());
        assertThat(runs).hasSizeGreaterThanOrEqualTo(10);
        Files.createDirectories(SHOTS);
        Files.writeString(Path.of("target/advice-latency.txt"), String.format(Locale.ROOT,
                "Services input changed 10 times (4,500 .. 9,000), each after the last advice was shown: %d panel "
                        + "updates; median input change to shown advice %.1f ms (max %.1f), of which the advisor "
                        + "%.1f ms on a worker and the panel's rebuild %.1f ms on the FX thread (%d cores)%n",
                runs.size(), median(runs, 0), max(runs), median(runs, 1), median(runs, 2),
                Runtime.getRuntime().availableProcessors()));
    }

    private static double median(List<dev.kpp.app.ui.advice.AdviceViewModel.Latency> runs, int part) {
        List<Double> v = new ArrayList<>();
        for (var l : runs) {
            v.add(part == 0 ? l.total() : part == 1 ? l.advise() : l.render());
        }
        v.sort(Double::compare);
        return v.get(v.size() / 2);
    }

    private static double max(List<dev.kpp.app.ui.advice.AdviceViewModel.Latency> runs) {
        return runs.stream().mapToDouble(dev.kpp.app.ui.advice.AdviceViewModel.Latency::total).max().orElse(0);
    }
}
