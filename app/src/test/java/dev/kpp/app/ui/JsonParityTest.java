package dev.kpp.app.ui;

import dev.kpp.app.AppContext;
import dev.kpp.app.cli.Cli;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.importer.Importers;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One dump, one scenario, one document: the window's "Copy as JSON" is byte for byte what
 * {@code kpp predict --inventory <dump> --format json} writes, because both derive the scenario with
 * {@link InventoryScenario#derive}, scale it through the same plan input and write it with the same
 * formatter. The CLI runs in-process; the window is its composition root with the real importer.
 */
class JsonParityTest {
    private static final Path DUMP = Path.of("src/test/resources/golden/input/cluster.json");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "as imported | ",
        "scaled to 120 Services | services=120",
        "scaled, more endpoints, other nodes and traffic | services=12k;endpointsPerService=9;nodes=7;requestsPerSecond=2,500",
        "with the Calico add-on | podsPerNode=110;policiesPerPod=12"})
    void theWindowsJsonIsTheClisJson(String name, String inputs) {
        List<String> args = new ArrayList<>(List.of("predict", "--inventory", DUMP.toString(), "--format", "json"));
        FakeClipboard clipboard = new FakeClipboard();
        AppContext window = Contexts.immediate(Importers.defaults(), new FakeDialogs(), clipboard);
        window.imports().importPaths(List.of(DUMP));
        ScenarioParams derived = InventoryScenario.derive(window.session().inventoryProperty().get().result().inventory(),
                ScenarioParams.defaults()).params();
        assertThat(window.session().baseParams()).as("the same derivation as the CLI's").isEqualTo(derived);
        if (inputs != null) {
            for (String kv : inputs.split(";")) {
                String[] p = kv.split("=");
                ScenarioField f = ScenarioField.fromId(p[0]);
                var field = window.scenario().input(f);
                field.textProperty().set(p[1]);
                assertThat(field.errorProperty().get()).as(kv).isNull();
                args.add(flag(f));
                args.add(p[1]);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();

        window.results().copyJson();
        assertThat(clipboard.text).isEqualTo(out.toString());
        assertThat(window.results().predictionJson()).isEqualTo(out.toString());
    }

    private static String flag(ScenarioField f) {
        return switch (f) {
            case SERVICES -> "--services";
            case ENDPOINTS_PER_SERVICE -> "--endpoints-per-service";
            case NODES -> "--nodes";
            case REQUESTS_PER_SECOND -> "--requests-per-second";
            case PODS_PER_NODE -> "--pods-per-node";
            case POLICIES_PER_POD -> "--policies-per-pod";
            default -> throw new IllegalArgumentException(f.id());
        };
    }
}
