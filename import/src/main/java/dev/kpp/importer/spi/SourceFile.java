package dev.kpp.importer.spi;

/**
 * Provenance of one imported input.
 *
 * @param path    the file as given (tar members as {@code bundle.tar.gz!/member})
 * @param kind    what it was read as: kubectl-json, kubectl-yaml, snapshot, metrics, iptables-save,
 *                ipvsadm, nft
 * @param sha256  SHA-256 of the file's bytes as stored (before decompression), lower-case hex;
 *                "" for tar members (the bundle's hash covers them)
 * @param bytes   size in bytes as stored
 * @param objects objects imported from it
 */
public record SourceFile(String path, String kind, String sha256, long bytes, long objects) {
    public SourceFile {
        path = path == null ? "" : path;
        kind = kind == null ? "" : kind;
        sha256 = sha256 == null ? "" : sha256;
    }
}
