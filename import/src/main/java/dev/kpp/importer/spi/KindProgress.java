package dev.kpp.importer.spi;

/**
 * Progress of listing one kind during a live import, reported after every page.
 *
 * @param kind     the Kubernetes kind, e.g. {@code Service}
 * @param phase    what is happening
 * @param objects  objects read so far
 * @param pages    pages read so far
 * @param expected objects expected in all, from the server's {@code remainingItemCount}; -1 when unknown
 * @param detail   a parameter for the phase: the HTTP status or cause of a retry, "" otherwise
 */
public record KindProgress(String kind, Phase phase, long objects, int pages, long expected, String detail) {
    /** What is happening to a kind. */
    public enum Phase {
        /** Pages are being read. */
        LISTING,
        /** A request failed and is being repeated after a pause. */
        RETRYING,
        /** The continue token expired (410): the list starts again from the first page. */
        RESTARTING,
        /** Every page was read. */
        DONE,
        /** Not allowed (403); the import carries on without it. */
        FORBIDDEN,
        /** Not served by this cluster (404). */
        NOT_FOUND,
        /** Failed for good. */
        FAILED
    }

    public KindProgress {
        kind = kind == null ? "" : kind;
        detail = detail == null ? "" : detail;
        if (phase == null) {
            throw new IllegalArgumentException("phase is required");
        }
    }

    /** @return true when nothing more will happen to this kind */
    public boolean finished() {
        return phase == Phase.DONE || phase == Phase.FORBIDDEN || phase == Phase.NOT_FOUND || phase == Phase.FAILED;
    }
}
