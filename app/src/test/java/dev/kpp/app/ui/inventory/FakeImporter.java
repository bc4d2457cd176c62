package dev.kpp.app.ui.inventory;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fake {@link InventoryImporter}: files named {@code bad*} yield nothing but an error; others a
 * synthetic inventory (services from the file name: {@code cluster-600.json} has 600 Services, run by
 * IPVS) after reporting progress in four steps, with one warning.
 */
public final class FakeImporter implements InventoryImporter {
    /** When set, the import waits for it between progress steps (UI tests watch the progress bar). */
    public volatile CountDownLatch gate;
    public volatile int calls;

    @Override
    public boolean supports(ImportRequest request) {
        return request instanceof ImportRequest.Files;
    }

    @Override
    public ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel) {
        calls++;
        Path first = ((ImportRequest.Files) request).paths().get(0);
        String name = String.valueOf(first.getFileName());
        if (name.startsWith("bad")) {
            return new ImportResult(ClusterInventory.empty(name), List.of(), List.of(), List.of(),
                    List.of(ImportProblem.error("not-kubernetes", name, "3:14",
                            "$: expected a Kubernetes object or List, found a number")),
                    Map.of(), false, Instant.EPOCH, false);
        }
        long services = 600;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(name);
        if (m.find()) {
            services = Long.parseLong(m.group(1));
        }
        ScenarioParams p = ScenarioParams.defaults().withServices(services).withEndpointsPerService(4)
                .withNodes(12).withShares(0.1, 0.05);
        for (int step = 1; step <= 4; step++) {
            if (cancel.isCancelled()) {
                return new ImportResult(ClusterInventory.empty(name), List.of(), List.of(), List.of(), List.of(),
                        Map.of(), true, Instant.EPOCH, false);
            }
            progress.progress(step, 4, ProgressListener.READING, name);
            progress.counts(services * step / 4, services * step / 4, 12);
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        ClusterInventory inv = SyntheticCluster.inventory(p, name);
        inv = new ClusterInventory(inv.name(), inv.kubernetesVersion(), inv.services(), inv.endpointSlices(),
                inv.nodes(), inv.kubeProxy().withMode(ProxyMode.IPVS), inv.networkPolicies(), inv.namespaces());
        return new ImportResult(inv, List.of(), List.of(), List.of(new SourceFile(first.toString(), "kubectl-json", "",
                123_456, services * 2)), List.of(ImportProblem.warning("invalid-object", name, "$.items[7]",
                "a Pod is not needed")), Map.of("Pod", 1L), false, Instant.EPOCH, false);
    }
}
