package dev.kpp.importer.file;

/**
 * Bounds on what one import may read, beyond the parsers' own limits (nesting, string, number and
 * line lengths): the bytes handed to the parsers in total (after decompression), and how much a
 * compressed file may expand.
 *
 * @param maxTotalBytes most bytes read in one import, after decompression, over all inputs
 * @param maxExpansion  most bytes of content per byte of a compressed file, checked once a file has
 *                      expanded past {@link #EXPANSION_CHECKED_AFTER} (real dumps compress 10-40x;
 *                      a single gzip layer cannot exceed about 1,032x, so only nested compression
 *                      or a hostile file reaches the default)
 */
public record ImportLimits(long maxTotalBytes, double maxExpansion) {
    /** Default total: 16 GiB, far above any real cluster's dumps. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 16L << 30;
    /** Default expansion: 1,000x. */
    public static final double DEFAULT_MAX_EXPANSION = 1000;
    /** Expansion is only checked past this many decompressed bytes of a file (small files may expand much). */
    public static final long EXPANSION_CHECKED_AFTER = 16L << 20;

    public ImportLimits {
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive");
        }
        if (!(maxExpansion >= 1)) {
            throw new IllegalArgumentException("maxExpansion must be at least 1");
        }
    }

    /** @return the defaults */
    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_EXPANSION);
    }
}
