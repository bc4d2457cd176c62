package dev.kpp.importer.spi;

/** Thrown inside importers when the {@link Cancellation} says stop; the facade turns it into a partial result. */
public final class ImportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException() {
        super("import cancelled");
    }
}
