package dev.kpp.importer;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportRequest;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.InventoryImporter;
import dev.kpp.importer.spi.ProgressListener;

import java.util.List;

/** The importers kpp ships, behind one {@link InventoryImporter} that hands each request to the first that takes it. */
public final class Importers implements InventoryImporter {
    private final List<InventoryImporter> importers;

    /** @param importers the importers, asked in order */
    public Importers(List<InventoryImporter> importers) {
        this.importers = List.copyOf(importers);
    }

    /** @return the default importers: files (offline) and live clusters through a kubeconfig context */
    public static Importers defaults() {
        return new Importers(List.of(new OfflineImporter(), new dev.kpp.importer.cluster.ClusterImporter()));
    }

    @Override
    public boolean supports(ImportRequest request) {
        return importers.stream().anyMatch(i -> i.supports(request));
    }

    @Override
    public ImportResult importInventory(ImportRequest request, ProgressListener progress, Cancellation cancel) {
        for (InventoryImporter i : importers) {
            if (i.supports(request)) {
                return i.importInventory(request, progress, cancel);
            }
        }
        throw new IllegalArgumentException("no importer for " + request.describe());
    }
}
