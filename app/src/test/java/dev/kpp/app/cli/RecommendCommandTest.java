package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.kpp.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class RecommendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonCarriesTheContractKeys() throws Exception {
        CliTest.Run r = run("recommend", "--services", "10k", "--requests-per-connection", "1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        for (String key : List.of("mode", "action", "current", "certainty", "ranking", "reasons", "risks", "checks",
                "crossovers", "growth", "sensitivity", "flips", "migration", "budgets")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        for (JsonNode m : j.get("ranking")) {
            assertThat(m.has("mode") && m.has("score") && m.has("blocked") && m.has("reasons") && m.has("risks"))
                    .isTrue();
        }
        for (JsonNode f : j.get("risks")) {
            assertThat(f.has("code") && f.has("severity") && f.has("message") && f.has("nodes")).isTrue();
        }
    }

    @Test
    void markdownSaysWhatTheJsonSays() throws Exception {
        String[] scenario = {"--services", "10k", "--requests-per-connection", "1", "--kernel", "4.18"};
        CliTest.Run json = run(concat("recommend", scenario, "--format", "json"));
        CliTest.Run md = run(concat("recommend", scenario, "--format", "markdown"));
        assertThat(md.code()).isZero();
        JsonNode j = JSON.readTree(json.out());
        assertThat(md.out()).contains(j.get("headline").asText());
        for (String section : List.of("reasons", "risks")) {
            for (JsonNode f : j.get(section)) {
                assertThat(md.out()).contains(f.get("message").asText());
            }
        }
        for (JsonNode c : j.get("checks")) {
            assertThat(md.out()).contains(c.get("message").asText().replace("|", "\\|"));
        }
        assertThat(md.out()).contains("```diff", "+mode: \"" + j.get("mode").asText() + "\"");
    }

    @Test
    void predictJsonGainsTheSameRecommendation() throws Exception {
        String[] scenario = {"--sample", "growth-4k", "--budget", "cpu=250m,sync=1s", "--growth", "150/month"};
        JsonNode p = JSON.readTree(run(concat("predict", scenario, "--format", "json")).out());
        JsonNode r = JSON.readTree(run(concat("recommend", scenario, "--format", "json")).out());
        assertThat(p.get("recommendation")).isEqualTo(r);
        assertThat(p.get("modes")).hasSize(4); // the contract is unchanged around it
    }

    @Test
    void aSentenceChangesWithTheInputThatDrivesIt() throws Exception {
        JsonNode a = JSON.readTree(run("recommend", "--services", "5000", "--requests-per-connection", "1",
                "--budget", "cpu=10m", "--format", "json").out());
        JsonNode b = JSON.readTree(run("recommend", "--services", "20000", "--requests-per-connection", "1",
                "--budget", "cpu=10m", "--format", "json").out());
        String ma = exceeds(a);
        String mb = exceeds(b);
        assertThat(ma).contains("iptables exceeds the CPU per node budget").contains("Services");
        assertThat(mb).isNotEqualTo(ma);
    }

    @Test
    void badBudgetsAndGrowthAreUsageErrorsNamingTheFlag() {
        CliTest.Run r = run("recommend", "--budget", "speed=1");
        assertThat(r.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(r.err()).contains("--budget").contains("speed");
        CliTest.Run g = run("recommend", "--growth", "10/fortnight");
        assertThat(g.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(g.err()).contains("--growth").contains("fortnight");
    }

    private static String exceeds(JsonNode j) {
        for (JsonNode f : j.get("reasons")) {
            if (f.get("code").asText().equals("exceeds-budget") && f.get("mode").asText().equals("iptables")) {
                return f.get("message").asText();
            }
        }
        throw new AssertionError("no exceeds-budget reason for iptables in " + j.get("reasons"));
    }

    private static String[] concat(String cmd, String[] middle, String... tail) {
        List<String> all = new ArrayList<>();
        all.add(cmd);
        all.addAll(List.of(middle));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
