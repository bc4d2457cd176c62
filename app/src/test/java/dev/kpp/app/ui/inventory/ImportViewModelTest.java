package dev.kpp.app.ui.inventory;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.app.ui.settings.RecentFiles;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportViewModelTest {
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow());
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final RecentFiles recent = new RecentFiles(SettingsStore.inMemory());
    private final ImportViewModel vm = new ImportViewModel(session, new FakeImporter(), runner, dialogs,
            Messages.english(), recent);

    @Test
    void importReportsProgressWithCountsAndReplacesTheInventory() {
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        assertThat(runner.messages).anyMatch(m -> m.equals("Importing cluster-600.json: 300 Services, 300 EndpointSlices, 12 nodes"));
        assertThat(runner.progress).contains(0.25, 1.0);
        assertThat(session.inventoryProperty().get().summary().proxiedServices()).isEqualTo(600);
        assertThat(session.inventoryProperty().get().summary().effectiveMode()).contains(ProxyMode.IPVS);
        assertThat(session.inputsProperty().get().services()).isEqualTo(600);
        assertThat(recent.files()).hasSize(1);
        assertThat(vm.noticeProperty().get()).contains("600 proxied Services", "1 problem");
        assertThat(session.taskProperty().get()).isNull();
    }

    @Test
    void aBadFileShowsAReadableErrorAndKeepsThePreviousInventory() {
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        vm.importPaths(List.of(Path.of("bad.json")));
        assertThat(dialogs.errors).hasSize(1);
        FakeDialogs.Shown e = dialogs.errors.get(0);
        assertThat(e.header()).isEqualTo("Could not import bad.json");
        assertThat(e.details().get(0)).isEqualTo("bad.json, line 3, column 14: expected a Kubernetes List or object, found a number");
        assertThat(String.join("\n", e.details())).doesNotContain("Exception", "\tat ");
        assertThat(session.inventoryProperty().get().summary().name()).isEqualTo("cluster-600.json");
    }

    @Test
    void aCancelledImportKeepsTheSample() {
        runner.cancelEverything = true;
        vm.importPaths(List.of(Path.of("cluster-600.json")));
        assertThat(session.inventoryProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo("Import cancelled; growth-4k is still loaded");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void withoutAnImporterTheUserIsToldInsteadOfAFailure() {
        ImportViewModel none = new ImportViewModel(session, null, runner, dialogs, Messages.english(), recent);
        assertThat(none.available()).isFalse();
        none.importPaths(List.of(Path.of("x.json")));
        assertThat(dialogs.errors.get(0).details()).containsExactly("This build of kpp has no inventory importer.");
    }
}
