package dev.kpp.importer.spi;

/**
 * Progress of a long import, in plain Java so that neither {@code model} nor {@code import} sees a
 * thread model (STYLE.md section 3.4). The app adapts it to {@code Task.updateProgress} or to a
 * terminal progress bar. Called from the importing thread; implementations must be cheap.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Message key: reading input files (work is bytes). */
    String READING = "import.progress.reading";
    /** Message key: building the inventory from what was read. */
    String ASSEMBLING = "import.progress.assembling";
    /** Message key: writing a snapshot or a generated dump (work is items). */
    String WRITING = "import.progress.writing";
    /** Message key: connecting to a cluster's API server (detail: the server URL). */
    String CONNECTING = "import.progress.connecting";
    /** Message key: listing objects from a cluster (work is objects; detail: the kind of the last page). */
    String LISTING = "import.progress.listing";
    /** Message key: scraping kube-proxy metrics through the API server (detail: the node). */
    String SCRAPING = "import.progress.scraping";

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, key, detail) -> {
    };

    /**
     * Reports progress.
     *
     * @param workDone   work done so far (bytes or items)
     * @param totalWork  total work, or -1 when unknown
     * @param messageKey what is being done (one of the constants above)
     * @param detail     a parameter for the message, e.g. the file being read ("" when none)
     */
    void progress(long workDone, long totalWork, String messageKey, String detail);

    /**
     * Reports running counts of what was read so far, right after a {@link #progress} call.
     *
     * @param services       Services read
     * @param endpointSlices EndpointSlices (and legacy Endpoints) read
     * @param nodes          Nodes read
     */
    default void counts(long services, long endpointSlices, long nodes) {
    }

    /**
     * Reports one kind's progress during a live import, after every page and when the kind
     * finishes; called right before the {@link #progress} call that sums all kinds.
     *
     * @param kind the kind's state
     */
    default void kind(KindProgress kind) {
    }
}
