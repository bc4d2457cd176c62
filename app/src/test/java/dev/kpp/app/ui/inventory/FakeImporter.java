package dev.kpp.app.ui.inventory;

import dev.kpp.model.inventory.ClusterInventory;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.scenario.SyntheticCluster;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fake importer: files named {@code bad*} fail with a per-file problem; others yield a synthetic
 * inventory (services from the file name, e.g. {@code cluster-600.json} has 600 Services) after
 * reporting progress in a few steps.
 */
public final class FakeImporter implements InventoryImportService {
    /** When set, the import waits for it between progress steps (UI tests watch the progress bar). */
    public volatile CountDownLatch gate;
    public volatile int calls;

    @Override
    public ImportOutcome importPaths(List<Path> paths, ProgressSink progress, BooleanSupplier cancelled)
            throws ImportFailedException {
        calls++;
        Path first = paths.get(0);
        String name = String.valueOf(first.getFileName());
        if (name.startsWith("bad")) {
            throw new ImportFailedException(List.of(new ImportIssue(first, "line 3, column 14",
                    "expected a Kubernetes List or object, found a number")));
        }
        long services = 600;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)").matcher(name);
        if (m.find()) {
            services = Long.parseLong(m.group(1));
        }
        ScenarioParams p = ScenarioParams.defaults().withServices(services).withEndpointsPerService(4)
                .withNodes(12).withShares(0.1, 0.05);
        for (int step = 1; step <= 4; step++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            progress.report(new ImportProgress(step, 4, name, services * step / 4, services * step / 4, 12));
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException();
                }
            }
        }
        ClusterInventory inv = SyntheticCluster.inventory(p, name);
        inv = new ClusterInventory(inv.name(), inv.kubernetesVersion(), inv.services(), inv.endpointSlices(),
                inv.nodes(), inv.kubeProxy().withMode(ProxyMode.IPVS), inv.networkPolicies(), inv.namespaces());
        return new ImportOutcome(inv, List.of(new ImportIssue(first, "items[7]", "skipped a Pod (not needed)")));
    }
}
