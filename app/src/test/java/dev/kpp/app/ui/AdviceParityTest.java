package dev.kpp.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kpp.app.AppContext;
import dev.kpp.app.cli.Cli;
import dev.kpp.app.ui.advice.AdviceContent;
import dev.kpp.app.ui.advice.AdviceViewModel;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.scenario.BudgetField;
import dev.kpp.importer.Importers;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scenario, one recommendation: the Advice panel's "Copy as JSON" and "Copy as Markdown" are byte for
 * byte what {@code kpp recommend --format json|markdown} writes for the same sample or dump, inputs,
 * budgets, growth rate, horizon, sensitivity and current mode; and the sentences the panel shows are the
 * JSON's messages. The CLI runs in-process; the window is its composition root with the real importer,
 * driven through its ViewModels as the controls drive them.
 */
class AdviceParityTest {
    private static final Path DUMP = Path.of("src/test/resources/golden/input/cluster.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The window set up for a case, and the {@code kpp recommend} arguments that describe the same. */
    private record Case(AppContext window, FakeClipboard clipboard, List<String> args) {
    }

    /**
     * @param base       {@code sample:NAME} or {@code dump}
     * @param inputs     scenario inputs typed into the window (id=text;...)
     * @param budgets    budget fields changed in the window (metric key=text, or =off)
     * @param cliBudgets the same budgets as --budget (empty: the defaults)
     */
    private static Case setUp(String base, String inputs, String budgets, String cliBudgets, String growth,
                              String horizon, String sensitivity, String mode) {
        FakeClipboard clipboard = new FakeClipboard();
        AppContext window = Contexts.immediate(Importers.defaults(), new FakeDialogs(), clipboard);
        List<String> args = new ArrayList<>(List.of("recommend"));
        if (base.equals("dump")) {
            window.imports().importPaths(List.of(DUMP));
            assertThat(window.session().inventoryProperty().get()).isNotNull();
            args.addAll(List.of("--inventory", DUMP.toString()));
        } else {
            String sample = base.substring("sample:".length());
            window.session().useSample(Samples.byName(sample).orElseThrow());
            args.addAll(List.of("--sample", sample));
        }
        if (inputs != null) {
            for (String kv : inputs.split(";")) {
                String[] p = kv.split("=");
                ScenarioField f = ScenarioField.fromId(p[0]);
                if (f == ScenarioField.KERNEL) {
                    window.scenario().kernel().textProperty().set(p[1]);
                    assertThat(window.scenario().kernel().errorProperty().get()).as(kv).isNull();
                } else {
                    var field = window.scenario().input(f);
                    field.textProperty().set(p[1]);
                    assertThat(field.errorProperty().get()).as(kv).isNull();
                }
                args.add(flag(f));
                args.add(p[1]);
            }
        }
        if (budgets != null) {
            for (String kv : budgets.split(";")) {
                String[] p = kv.split("=");
                BudgetField b = window.scenario().budgets().stream().filter(x -> x.metric().key().equals(p[0]))
                        .findFirst().orElseThrow();
                if (p[1].equals("off")) {
                    b.enabledProperty().set(false);
                } else {
                    b.enabledProperty().set(true);
                    b.textProperty().set(p[1]);
                    assertThat(b.errorProperty().get()).as(kv).isNull();
                }
            }
        }
        if (cliBudgets != null) {
            args.addAll(List.of("--budget", cliBudgets));
        }
        AdviceViewModel advice = window.advice();
        if (growth != null) {
            advice.growthProperty().set(growth);
            args.addAll(List.of("--growth", growth));
        }
        if (horizon != null) {
            advice.horizonProperty().set(horizon);
            args.addAll(List.of("--horizon", horizon));
        }
        if (sensitivity != null) {
            advice.sensitivityProperty().set(sensitivity);
            args.addAll(List.of("--sensitivity", sensitivity));
        }
        if (mode != null) {
            advice.currentModeProperty().set(AdviceViewModel.CurrentMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)));
            args.addAll(List.of("--current-mode", mode));
        }
        assertThat(advice.growthErrorProperty().get()).isNull();
        assertThat(advice.contentProperty().get()).as("the panel shows advice").isNotNull();
        return new Case(window, clipboard, args);
    }

    private static String cli(List<String> args, String format) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--format", format));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "growth-4k as it is                       | sample:growth-4k | | | | | | |",
        "budgets changed, linear growth, ipvs today | sample:growth-4k | services=9k | syncFullSeconds=5s;addedLatencyMs=off | sync=1s,cpu=0.25,full-sync=5s | 150/month | 24 | 30% | ipvs",
        "10k without keep-alive on kernel 4.18, compound growth | sample:growth-4k | services=10k;requestsPerConnection=1;kernel=4.18 | | | 5%/month | | |",
        "an imported dump, scaled, weekly growth | dump | services=12k | cpuCores=100m | sync=1s,cpu=100m,latency=1ms | 40/week | 12 | |"})
    void theCopiesAreWhatKppRecommendWrites(String name, String base, String inputs, String budgets,
                                            String cliBudgets, String growth, String horizon, String sensitivity,
                                            String mode) {
        Case c = setUp(base, inputs, budgets, cliBudgets, growth, horizon, sensitivity, mode);
        try {
            String json = cli(c.args(), "json");
            String markdown = cli(c.args(), "markdown");

            c.window().advice().copyJson();
            assertThat(c.clipboard().text).isEqualTo(json);
            c.window().advice().copyMarkdown();
            assertThat(c.clipboard().text).isEqualTo(markdown);
        } finally {
            c.window().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "growth-4k with growth             | sample:growth-4k | | 150/month |",
        "10k on kernel 4.18, nftables blocked | sample:growth-4k | services=10k;requestsPerConnection=1;kernel=4.18 | | ",
        "an imported dump                  | dump | | 5%/month | ipvs"})
    void thePanelsSentencesAreTheJsonsMessages(String name, String base, String inputs, String growth, String mode)
            throws Exception {
        Case c = setUp(base, inputs, null, null, growth, null, null, mode);
        try {
            JsonNode json = JSON.readTree(c.window().advice().recommendationJson());
            AdviceContent shown = c.window().advice().contentProperty().get();
            assertThat(shown.reasons()).isEqualTo(messages(json.get("reasons")));
            assertThat(shown.risks().stream().map(AdviceContent.Risk::message).toList())
                    .isEqualTo(messages(json.get("risks")));
            assertThat(shown.ranking()).hasSize(json.get("ranking").size());
            for (int i = 0; i < shown.ranking().size(); i++) {
                AdviceContent.Ranked m = shown.ranking().get(i);
                JsonNode j = json.get("ranking").get(i);
                assertThat(m.mode().id()).isEqualTo(j.get("mode").asText());
                assertThat(m.reasons()).as(m.name()).isEqualTo(messages(j.get("reasons")));
                assertThat(m.risks().stream().map(AdviceContent.Risk::message).toList()).as(m.name())
                        .isEqualTo(messages(j.get("risks")));
            }
            assertThat(shown.headline()).isEqualTo(json.get("headline").asText());
            assertThat(shown.checks().stream().map(AdviceContent.CheckRow::requirement).toList())
                    .isEqualTo(messages(json.get("checks")));
            if (json.get("migration").isObject()) {
                assertThat(shown.migration().rollout().stream().map(AdviceContent.Step::text).toList())
                        .isEqualTo(messages(json.get("migration").get("rollout")));
                assertThat(shown.migration().configDiff()).isEqualTo(
                        JSON.convertValue(json.get("migration").get("configDiff"), List.class));
            }
        } finally {
            c.window().close();
        }
    }

    private static List<String> messages(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("message").asText()));
        return out;
    }

    private static String flag(ScenarioField f) {
        return switch (f) {
            case SERVICES -> "--services";
            case REQUESTS_PER_CONNECTION -> "--requests-per-connection";
            case KERNEL -> "--kernel";
            default -> throw new IllegalArgumentException(f.id());
        };
    }
}
