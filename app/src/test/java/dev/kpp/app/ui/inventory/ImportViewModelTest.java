package dev.kpp.app.ui.inventory;

import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.session.LoadedInventory;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.InventoryScenario;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportViewModelTest {
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow(),
            MetricCatalog.defaultBudgets());
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final RecentFiles recent = new RecentFiles(SettingsStore.inMemory());
    private final ImportViewModel vm = new ImportViewModel(session, new FakeImporter(), runner, dialogs,
            Texts.english(), recent);

    @Test
    void importReportsProgressWithCountsAndKeepsTheWholeResult() {
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        assertThat(runner.messages).contains("Importing cluster-600.json: 300 Services, 300 EndpointSlices, 12 nodes");
        assertThat(runner.progress).contains(0.25, 1.0);
        LoadedInventory loaded = session.inventoryProperty().get();
        assertThat(loaded.summary().proxied()).isEqualTo(600);
        assertThat(loaded.summary().effectiveMode()).contains(ProxyMode.IPVS);
        assertThat(loaded.result().sources()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("kubectl-json"));
        assertThat(loaded.result().problems()).hasSize(1);
        assertThat(loaded.result().skippedKinds()).containsEntry("Pod", 1L);
        assertThat(session.inputsProperty().get().services()).isEqualTo(600);
        assertThat(recent.files()).hasSize(1);
        assertThat(session.noticeProperty().get()).isEqualTo("Imported cluster-600.json: 600 proxied Services, 1 problem(s)");
        assertThat(session.taskProperty().get()).isNull();
    }

    @Test
    void theBaseScenarioIsTheOneDerivationTheCliUses() {
        vm.importPaths(List.of(Path.of("cluster-900.json")));
        LoadedInventory loaded = session.inventoryProperty().get();
        ScenarioParams derived = InventoryScenario.derive(loaded.result().inventory(), ScenarioParams.defaults()).params();
        assertThat(session.baseParams()).isEqualTo(derived);
        assertThat(session.inputsProperty().get()).isEqualTo(derived);
        assertThat(session.source()).isEqualTo("inventory:cluster-900.json");
    }

    @Test
    void aFileWithNothingImportableShowsItsProblemAsTheBundleWordsItAndKeepsThePreviousInventory() {
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        vm.importPaths(List.of(Path.of("bad.json")));
        assertThat(dialogs.errors).hasSize(1);
        FakeDialogs.Shown e = dialogs.errors.get(0);
        assertThat(e.header()).isEqualTo("Could not import bad.json");
        assertThat(e.details().get(0)).startsWith("bad.json:3:14: neither a Kubernetes object")
                .contains("[not-kubernetes]");
        assertThat(String.join("\n", e.details())).doesNotContain("Exception", "\tat ", "not kubernetes")
                .contains("cluster-600.json is still loaded");
        assertThat(session.inventoryProperty().get().name()).isEqualTo("cluster-600.json");
        assertThat(session.noticeProperty().get()).isEqualTo("Import failed; cluster-600.json is still loaded");
    }

    @Test
    void aCancelledImportKeepsTheSample() {
        runner.cancelEverything = true;
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        assertThat(session.inventoryProperty().get()).isNull();
        assertThat(session.noticeProperty().get()).isEqualTo("Import cancelled; growth-4k is still loaded");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void withoutAnImporterTheUserIsToldInsteadOfAFailure() {
        ImportViewModel none = new ImportViewModel(session, null, runner, dialogs, Texts.english(), recent);
        assertThat(none.available()).isFalse();
        none.importPaths(List.of(Path.of("x.json")));
        assertThat(dialogs.errors.get(0).details()).containsExactly("This build of kpp cannot import this kind of input.");
    }
}
