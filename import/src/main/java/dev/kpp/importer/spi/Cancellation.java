package dev.kpp.importer.spi;

/** A cancellation check that long imports poll between items. */
@FunctionalInterface
public interface Cancellation {
    /** Never cancelled. */
    Cancellation NEVER = () -> false;

    /** @return true when the caller wants the work to stop */
    boolean isCancelled();

    /**
     * Throws when cancelled.
     *
     * @throws ImportCancelledException when {@link #isCancelled()} is true
     */
    default void check() {
        if (isCancelled()) {
            throw new ImportCancelledException();
        }
    }
}
