package dev.kpp.importer.snapshot;

import dev.kpp.importer.spi.SourceFile;

import java.time.Instant;
import java.util.List;

/**
 * Where a snapshot came from.
 *
 * @param kppVersion  version of kpp that imported it
 * @param importedAt  import time (UTC)
 * @param kubeContext kubeconfig context for live imports, "" for files
 * @param redacted    names, namespaces and addresses were replaced by pseudonyms
 * @param partial     the import was cancelled; the inventory holds what was read until then
 * @param files       the inputs
 */
public record Provenance(String kppVersion, Instant importedAt, String kubeContext, boolean redacted, boolean partial,
                         List<SourceFile> files) {
    public Provenance {
        kppVersion = kppVersion == null ? "" : kppVersion;
        importedAt = importedAt == null ? Instant.EPOCH : importedAt;
        kubeContext = kubeContext == null ? "" : kubeContext;
        files = List.copyOf(files == null ? List.of() : files);
    }
}
