package dev.kpp.importer.snapshot;

import dev.kpp.importer.spi.SourceFile;

import java.time.Instant;
import java.util.List;

/**
 * Where a snapshot came from.
 *
 * @param kppVersion        version of kpp that imported it
 * @param importedAt        import time (UTC)
 * @param kubeContext       kubeconfig context for live imports, "" for files
 * @param redacted          names, namespaces and addresses were replaced by pseudonyms
 * @param partial           the import was cancelled or a kind failed; the inventory holds what was read
 * @param files             the inputs (for a live import: one entry per API list)
 * @param kubeServer        the API server URL of a live import (no user info), "" for files
 * @param kubeServerVersion the API server's version of a live import, "" for files
 */
public record Provenance(String kppVersion, Instant importedAt, String kubeContext, boolean redacted, boolean partial,
                         List<SourceFile> files, String kubeServer, String kubeServerVersion) {
    public Provenance {
        kppVersion = kppVersion == null ? "" : kppVersion;
        importedAt = importedAt == null ? Instant.EPOCH : importedAt;
        kubeContext = kubeContext == null ? "" : kubeContext;
        files = List.copyOf(files == null ? List.of() : files);
        kubeServer = kubeServer == null ? "" : kubeServer;
        kubeServerVersion = kubeServerVersion == null ? "" : kubeServerVersion;
    }

    /** Provenance of a file import (no server). */
    public Provenance(String kppVersion, Instant importedAt, String kubeContext, boolean redacted, boolean partial,
                      List<SourceFile> files) {
        this(kppVersion, importedAt, kubeContext, redacted, partial, files, "", "");
    }
}
