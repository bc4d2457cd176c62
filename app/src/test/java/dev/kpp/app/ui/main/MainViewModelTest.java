package dev.kpp.app.ui.main;

import dev.kpp.app.AppContext;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.DialogService;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.inventory.FakeImporter;
import dev.kpp.app.ui.scenario.ScenarioFiles;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.scenario.ScenarioField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    private final FakeDialogs dialogs = new FakeDialogs();
    private final AppContext ctx = Contexts.immediate(new FakeImporter(), dialogs, new FakeClipboard());

    @TempDir
    Path dir;

    @Test
    void saveThenOpenRestoresInventoryInputsAndBudgets() throws Exception {
        Path dump = dir.resolve("cluster-900.json");
        ctx.imports().importPaths(List.of(dump));
        ctx.session().inputsProperty().set(ctx.session().inputsProperty().get().withServices(1_800).withPolicy(90, 5));
        ctx.session().budgetsProperty().set(ctx.session().budgetsProperty().get().with(Metric.CPU_CORES, 0.5));
        dialogs.scenarioToSave = dir.resolve("plan");
        ctx.main().saveAs();
        Path saved = dir.resolve("plan" + ScenarioFiles.SUFFIX);
        assertThat(Files.readString(saved)).contains("\"format\" : \"kpp-scenario\"", "\"version\" : 1",
                "cluster-900.json", "\"podsPerNode\" : 90", "\"cpuCores\" : 0.5");
        assertThat(ctx.session().dirtyBinding().get()).isFalse();

        ctx.main().newFromSample(ctx.main().samples().get(0));
        assertThat(ctx.session().inventoryProperty().get()).isNull();
        ctx.main().openScenarioFile(saved);
        assertThat(ctx.session().inventoryProperty().get().summary().proxied()).isEqualTo(900);
        assertThat(ctx.session().inputsProperty().get().services()).isEqualTo(1_800);
        assertThat(ctx.session().inputsProperty().get().podsPerNode()).isEqualTo(90);
        assertThat(ctx.session().budgetsProperty().get().limit(Metric.CPU_CORES).getAsDouble()).isEqualTo(0.5);
        assertThat(ctx.session().dirtyBinding().get()).isFalse();
        assertThat(ctx.main().recentFiles()).contains(saved.toAbsolutePath().normalize());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow() {
        ctx.session().inputsProperty().set(ctx.session().inputsProperty().get().withServices(9_000));
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
    void afterResettingToTheSamplesOwnValuesSwitchingSampleAsksNothing() {
        ctx.scenario().services().textProperty().set("12000");
        assertThat(ctx.session().dirtyBinding().get()).isTrue();
        ctx.scenario().resetInputs();
        ctx.main().newFromSample(ctx.main().samples().get(1));
        assertThat(dialogs.unsavedAsked).isZero();
        assertThat(ctx.session().sampleProperty().get()).isEqualTo(ctx.main().samples().get(1));
    }

    @Test
    void theStatusLineForgetsAFailedImportAtTheNextEditAndShowsNoTimings() {
        ctx.imports().importPaths(List.of(Path.of("bad.json")));
        assertThat(ctx.main().statusBinding().get()).isEqualTo("Import failed; growth-4k is still loaded");
        ctx.scenario().input(ScenarioField.NODES).textProperty().set("80");
        assertThat(ctx.main().statusBinding().get()).isEqualTo("Ready");
        assertThat(ctx.results().timingProperty().get()).doesNotContain("Ready");
    }

    @Test
    void aScenarioFileFromANewerKppIsRejectedReadably() throws Exception {
        Path f = dir.resolve("future.kpp-scenario.json");
        Files.writeString(f, "{\"format\":\"kpp-scenario\",\"version\":9}");
        ctx.main().openScenarioFile(f);
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.details())
                .containsExactly("Written by a newer kpp (format version 9); update kpp to open it."));
        assertThat(ctx.session().sampleProperty().get().name()).isEqualTo("growth-4k");
    }

    @Test
    void aScenarioFileWithAValueOutOfRangeNamesTheInput() throws Exception {
        Path f = dir.resolve("bad.kpp-scenario.json");
        Files.writeString(f, "{\"format\":\"kpp-scenario\",\"version\":1,\"source\":{\"kind\":\"sample\","
                + "\"sample\":\"growth-4k\"},\"inputs\":{\"services\":-5}}");
        ctx.main().openScenarioFile(f);
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.details())
                .containsExactly("Services must be between 0 and 1,000,000 (got -5)"));
    }
}
