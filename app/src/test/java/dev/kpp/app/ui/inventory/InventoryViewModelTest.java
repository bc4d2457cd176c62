package dev.kpp.app.ui.inventory;

import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.KeyValue;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.importer.Importers;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory pane shows the model's summary: totals, endpoint accounting, settings, assumptions, notes. */
class InventoryViewModelTest {
    /** The CLI's golden input: 40 Services, 120 ready endpoints, 3 nodes, kube-proxy mode unset. */
    private static final Path DUMP = Path.of("src/test/resources/golden/input/cluster.json");
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow(),
            MetricCatalog.defaultBudgets());
    private final InventoryViewModel vm = new InventoryViewModel(session, Texts.english());

    private void importDump() {
        new ImportViewModel(session, Importers.defaults(), new ImmediateTaskRunner(), new FakeDialogs(),
                Texts.english(), new RecentFiles(SettingsStore.inMemory())).importPaths(List.of(DUMP));
    }

    private static String value(List<KeyValue> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).map(KeyValue::value).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
    }

    @Test
    void theServicesShowTheirTotalBesideTheTypes() {
        importDump();
        assertThat(value(vm.services(), "Total")).isEqualTo("40");
        assertThat(value(vm.services(), "ClusterIP")).isEqualTo("34");
        assertThat(value(vm.services(), "Proxied by kube-proxy")).isEqualTo("40");
        assertThat(value(vm.services(), "NodePorts allocated")).isEqualTo("6");
    }

    @Test
    void theEndpointsAccountForWhatWasListedAndWhatKubeProxyPrograms() {
        importDump();
        assertThat(value(vm.endpoints(), "Listed in EndpointSlices")).isEqualTo("120");
        assertThat(value(vm.endpoints(), "Ready (what kube-proxy programs)")).isEqualTo("120");
        assertThat(value(vm.endpoints(), "EndpointSlices")).isEqualTo("40");
        assertThat(value(vm.distribution(), "Median")).isEqualTo("3");
    }

    @Test
    void conntrackSettingsAreOneValuePerRowAndTheImplicitModeIsANote() {
        importDump();
        assertThat(value(vm.kubeProxy(), "conntrack maxPerCore")).isEqualTo("32,768");
        assertThat(value(vm.kubeProxy(), "conntrack min")).isEqualTo("131,072");
        assertThat(value(vm.kubeProxy(), "Mode")).isEqualTo("iptables (implicit: mode not set)");
        assertThat(vm.notes()).anySatisfy(n -> assertThat(n).startsWith("kube-proxy has no mode set"));
    }

    @Test
    void theSourcesAndWhatHadToBeAssumedAreListed() {
        importDump();
        assertThat(vm.sources()).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("cluster.json");
            assertThat(s.value()).contains("objects");
        });
        assertThat(vm.kindProperty().get()).isEqualTo("Imported from 1 input(s)");
        assertThat(vm.descriptionProperty().get()).isEqualTo(DUMP.toString());
        assertThat(vm.assumptions()).allSatisfy(a -> assertThat(a).doesNotContain("default-used", "{"));
    }

    @Test
    void aSampleShowsItsOwnNumbersAndNoImportSections() {
        assertThat(vm.titleProperty().get()).isEqualTo("growth-4k");
        assertThat(value(vm.services(), "Total")).isEqualTo("4,000");
        assertThat(vm.sources()).isEmpty();
        assertThat(vm.assumptions()).isEmpty();
        assertThat(vm.observed()).isEmpty();
        assertThat(value(vm.kubeProxy(), "Mode")).isEqualTo("Sample: all modes compared");
    }
}
