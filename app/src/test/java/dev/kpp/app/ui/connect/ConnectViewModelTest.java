package dev.kpp.app.ui.connect;

import dev.kpp.app.AppContext;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.KeyValue;
import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ClusterSource;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.KindProgress;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connect dialog's decisions on a cancelled snapshot, with the synchronous task runner and an
 * importer that keeps the cluster importer's contract: Cancel loads nothing unless "keep what was read"
 * was chosen, and then the inventory is loaded and marked partial.
 */
class ConnectViewModelTest {
    @TempDir
    Path dir;

    /** Lists one page of Services, lets the test press Cancel, then answers as the cluster importer does. */
    private final class CancelledCluster implements InventoryImporter {
        Runnable onFirstPage = () -> { };
        final List<ImportRequest.Cluster> requests = new ArrayList<>();

        @Override
        public boolean supports(ImportRequest request) {
            return request instanceof ImportRequest.Cluster;
        }

        @Override
        public ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel) {
            ImportRequest.Cluster req = (ImportRequest.Cluster) request;
            requests.add(req);
            progress.progress(0, -1, ProgressListener.CONNECTING, "https://api.example:6443");
            progress.kind(new KindProgress("Service", KindProgress.Phase.LISTING, 200, 1, 2_000, ""));
            progress.progress(200, 2_000, ProgressListener.LISTING, "Service");
            onFirstPage.run();
            assertThat(cancel.isCancelled()).as("Cancel reaches the importer").isTrue();
            ClusterSource source = new ClusterSource("prod", "https://api.example:6443", "v1.31.2",
                    Instant.parse("2026-11-30T08:00:00Z"), Duration.ofMillis(1_500), List.of(
                    new ClusterSource.KindOutcome("Service", "/api/v1/services", ClusterSource.Status.CANCELLED, 200,
                            1, 50_000, 0, 0)));
            ImportProblem note = ImportProblem.warning("cancelled", "https://api.example:6443", "", "cancelled");
            if (!req.keepPartial()) {
                return new ImportResult(ClusterInventory.empty("prod"), List.of(), List.of(), List.of(), List.of(note),
                        Map.of(), true, source.startedAt(), false, Optional.of(source));
            }
            ImportResult read = partial();
            return new ImportResult(read.inventory(), List.of(), List.of(), read.sources(), List.of(note), Map.of(),
                    true, source.startedAt(), false, Optional.of(source));
        }
    }

    private ImportResult partial() {
        try {
            Path dump = dir.resolve("partial.json");
            try (OutputStream out = Files.newOutputStream(dump)) {
                DumpGenerator.write(ScenarioParams.defaults().withServices(200).withEndpointsPerService(2).withNodes(3),
                        out, ProgressListener.NONE, Cancellation.NEVER);
            }
            return new OfflineImporter().importInventory(ImportRequest.Files.of(dump), ProgressListener.NONE,
                    Cancellation.NEVER);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AppContext context(CancelledCluster importer) throws Exception {
        Path kc = dir.resolve("config");
        Files.writeString(kc, """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: prod
                  cluster: {server: "https://api.example:6443"}
                users:
                - name: me
                  user: {token: not-a-real-token-0123456789}
                contexts:
                - name: prod
                  context: {cluster: prod, user: me}
                """);
        AppContext ctx = Contexts.immediate(importer, new FakeDialogs(), new FakeClipboard());
        ctx.connect().picker().kubeconfigProperty().set(kc);
        ctx.connect().opened();
        assertThat(ctx.connect().picker().selectedProperty().get().name()).isEqualTo("prod");
        importer.onFirstPage = ctx.connect()::cancel;
        return ctx;
    }

    @Test
    void cancelLoadsNothingAndTheLoadedInventoryStays() throws Exception {
        CancelledCluster importer = new CancelledCluster();
        AppContext ctx = context(importer);
        ctx.connect().connect();
        assertThat(importer.requests).singleElement().satisfies(r -> {
            assertThat(r.context()).contains("prod");
            assertThat(r.pageSize()).isEqualTo(500);
            assertThat(r.keepPartial()).isFalse();
        });
        assertThat(ctx.connect().phaseProperty().get()).isEqualTo(ConnectViewModel.Phase.CANCELLED);
        assertThat(ctx.session().inventoryProperty().get()).isNull();
        assertThat(ctx.connect().statusProperty().get())
                .isEqualTo("Cancelled: nothing was loaded; growth-4k is still loaded.");
        assertThat(ctx.connect().kinds()).singleElement().satisfies(k -> {
            assertThat(k.objects()).isEqualTo("200");
            assertThat(k.state()).isEqualTo("cancelled");
        });
        assertThat(ctx.connect().messages()).isEmpty();
    }

    @Test
    void withKeepWhatWasReadTheCancelledSnapshotIsLoadedAndMarkedPartial() throws Exception {
        CancelledCluster importer = new CancelledCluster();
        AppContext ctx = context(importer);
        ctx.connect().keepPartialProperty().set(true);
        ctx.connect().pageSizeProperty().set(100);
        ctx.connect().connect();
        assertThat(importer.requests.get(0).keepPartial()).isTrue();
        assertThat(importer.requests.get(0).pageSize()).isEqualTo(100);
        assertThat(ctx.connect().phaseProperty().get()).isEqualTo(ConnectViewModel.Phase.CONNECTED);
        assertThat(ctx.session().inventoryProperty().get().result().inventory().services()).hasSize(200);
        assertThat(ctx.connect().statusProperty().get()).startsWith("Loaded 200 Services")
                .endsWith("The snapshot is partial.");
        assertThat(ctx.inventory().sources()).contains(KeyValue.of("Context", "prod"),
                KeyValue.of("Partial", "yes: Service"));
    }
}
