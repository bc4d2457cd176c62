package dev.kpp.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // as Cli.run builds it: only the command the arguments name
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), CliContext.defaults(), false,
                args).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run runWithEveryCommand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"predict --help", "sweep --vary nodes --from 1 --to 2 --points 1", "inventory",
        "predict --sample nope", "samples", "--help", "--version", "-V", "--version --help", "predikt",
        "import --bogus"})
    void aCommandLineWithOnlyTheNamedCommandBehavesAsTheWholeTree(String line) {
        String[] args = line.split(" ");
        assertThat(run(args)).isEqualTo(runWithEveryCommand(args));
    }

    @Test
    void everyCommandIsListedUnderItsOwnName() {
        KppCommand.SUBCOMMANDS.forEach((name, c) -> assertThat(Cli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), CliContext.defaults(), false, new String[] {name})
                .getSubcommands()).containsOnlyKeys(name));
        assertThat(runWithEveryCommand("--help").out()).contains(KppCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void predictSamplePrintsATableWithEveryMode() {
        Run r = run("predict", "--sample", "tigera-10k");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("iptables", "ipvs", "nftables", "ebpf", "20,022", "Full sync");
    }

    @Test
    void predictJsonKeepsTheContractKeys() throws Exception {
        Run r = run("predict", "--sample", "tigera-10k", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").path("services").asLong()).isEqualTo(10_000);
        assertThat(root.path("modes")).hasSize(4);
        String[] modes = {"iptables", "ipvs", "nftables", "ebpf"};
        for (int i = 0; i < 4; i++) {
            JsonNode m = root.path("modes").get(i);
            assertThat(m.path("mode").asText()).isEqualTo(modes[i]);
            assertThat(m.path("rulesPerConnection").path("mean").isNumber()).isTrue();
            assertThat(m.path("rulesPerConnection").path("worst").isNumber()).isTrue();
            assertThat(m.path("rules").path("total").isNumber()).isTrue();
            for (String sync : new String[] {"full", "partial", "coldStart"}) {
                JsonNode s = m.path("syncSeconds").path(sync);
                assertThat(s.path("low").asDouble()).isLessThanOrEqualTo(s.path("value").asDouble());
                assertThat(s.path("value").asDouble()).isLessThanOrEqualTo(s.path("high").asDouble());
            }
            for (String k : new String[] {"value", "low", "high", "dataPlane", "controlPlane"}) {
                assertThat(m.path("cpuCores").path(k).isNumber()).as(k).isTrue();
            }
            for (String k : new String[] {"value", "low", "high"}) {
                assertThat(m.path("addedLatencyMs").path(k).isNumber()).as(k).isTrue();
            }
            for (String k : new String[] {"entries", "max", "utilization"}) {
                assertThat(m.path("conntrack").path(k).isNumber()).as(k).isTrue();
            }
        }
        JsonNode ipt = root.path("modes").get(0);
        assertThat(ipt.path("rules").path("nat").asLong() + ipt.path("rules").path("filter").asLong())
                .isEqualTo(ipt.path("rules").path("total").asLong());
        assertThat(ipt.path("rulesPerConnection").path("worst").asLong()).isBetween(19_000L, 21_000L);
    }

    @Test
    void flagsOverrideTheSample() throws Exception {
        Run r = run("predict", "--sample", "tigera-10k", "--services", "500", "--kubernetes-version", "1.33",
                "--format", "json");
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").path("services").asLong()).isEqualTo(500);
        assertThat(root.path("scenario").path("kubernetesVersion").asText()).isEqualTo("1.33");
        assertThat(root.path("scenario").path("endpointsPerService").asInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--services=-5", "--services=abc", "--kernel=x", "--format=xml",
        "--sample=nope", "--nodeport-share=0.8 --loadbalancer-share=0.5"})
    void badInputGetsOneLineAndExitCodeTwo(String args) {
        Run r = run(("predict " + args).split(" "));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("kpp predict:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"predict", "sweep", "samples", "calibrate", "validate", "bench", "gui"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: kpp " + cmd);
        }
        assertThat(run("--version").out()).startsWith("kpp ");
    }

    @Test
    void samplesListsTheBuiltInScenarios() {
        assertThat(run("samples").out()).contains("tigera-10k", "small", "growth-4k", "large-50k");
    }

    @Test
    void calibratePrintsFittedParametersAndLeaveOneOutFigures() throws Exception {
        Run r = run("calibrate");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("alpha", "leave-one-out median", "latency-modern", "cpu");
        JsonNode json = JSON.readTree(run("calibrate", "--format", "json").out());
        assertThat(json.path("models")).isNotEmpty();
        assertThat(json.path("models").get(0).path("validation").path("looMedianFactor").isNumber()).isTrue();
    }

    @Test
    void validateListsEveryUsedRowAndWhyOthersAreNot() {
        Run r = run("validate");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("TIG-39", "K8SNFT-08", "GH-01", "not used:", "GH-07");
        String csv = run("validate", "--format", "csv").out();
        assertThat(csv.lines().count()).isGreaterThan(150);
    }

    @Test
    void sweepWritesOneRowPerModeAndPoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep.csv");
        Run r = run("sweep", "--sample", "small", "--vary", "services", "--from", "100", "--to", "10000",
                "--points", "5", "-o", out.toString());
        assertThat(r.code()).isZero();
        var lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1 + 5 * 4);
        assertThat(lines.get(0)).startsWith("services,mode,");
        assertThat(lines.get(1)).startsWith("100,iptables,");
        assertThat(lines.get(lines.size() - 1)).startsWith("10000,ebpf,");
        assertThat(run("sweep", "--vary", "colour", "--from", "1", "--to", "2").code()).isEqualTo(2);
    }
}
