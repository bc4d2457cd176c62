package dev.kpp.app.ui.main;

import dev.kpp.app.AppContext;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.SettingsStore;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AppContext ctx = new AppContext(SettingsStore.inMemory(), new FakeImporter(),
            new ImmediateTaskRunner(), dialogs, System::nanoTime);

    @TempDir
    Path dir;

    @Test
    void saveThenOpenRestoresInventoryInputsAndBudgets() throws Exception {
        Path dump = dir.resolve("cluster-900.json");
        ctx.imports().importPaths(List.of(dump));
        ctx.session().inputsProperty().set(ctx.session().inputsProperty().get().withServices(1_800));
        ctx.session().budgetsProperty().set(ctx.session().budgetsProperty().get().with("cpuCores", 0.5));
        dialogs.scenarioToSave = dir.resolve("plan");
        ctx.main().saveAs();
        Path saved = dir.resolve("plan" + ScenarioFiles.SUFFIX);
        assertThat(Files.readString(saved)).contains("\"format\" : \"kpp-scenario\"", "\"version\" : 1",
                "cluster-900.json");
        assertThat(ctx.session().dirtyProperty().get()).isFalse();

        ctx.main().newFromSample(ctx.main().samples().get(0));
        assertThat(ctx.session().inventoryProperty().get()).isNull();
        ctx.main().openScenarioFile(saved);
        assertThat(ctx.session().inventoryProperty().get().summary().proxiedServices()).isEqualTo(900);
        assertThat(ctx.session().inputsProperty().get().services()).isEqualTo(1_800);
        assertThat(ctx.session().budgetsProperty().get().limit("cpuCores").getAsDouble()).isEqualTo(0.5);
        assertThat(ctx.session().dirtyProperty().get()).isFalse();
        assertThat(ctx.main().recentFiles()).contains(saved.toAbsolutePath().normalize());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow() {
        ctx.session().inputsProperty().set(ctx.session().inputsProperty().get().withServices(9_000));
        ctx.session().dirtyProperty().set(true);
        AtomicBoolean closed = new AtomicBoolean();
        dialogs.unsavedAnswer = DialogService.UnsavedChoice.CANCEL;
        ctx.main().requestClose(() -> closed.set(true));
        assertThat(dialogs.unsavedAsked).isEqualTo(1);
        assertThat(closed).isFalse();
        dialogs.unsavedAnswer = DialogService.UnsavedChoice.DISCARD;
        ctx.main().requestClose(() -> closed.set(true));
        assertThat(closed).isTrue();
    }

    @Test
    void aScenarioFileFromANewerKppIsRejectedReadably() throws Exception {
        Path f = dir.resolve("future.kpp-scenario.json");
        Files.writeString(f, "{\"format\":\"kpp-scenario\",\"version\":9}");
        ctx.main().openScenarioFile(f);
        assertThat(dialogs.errors).hasSize(1);
        assertThat(dialogs.errors.get(0).details()).containsExactly("written by a newer kpp (format version 9)");
        assertThat(ctx.session().sampleProperty().get().name()).isEqualTo("growth-4k");
    }
}
