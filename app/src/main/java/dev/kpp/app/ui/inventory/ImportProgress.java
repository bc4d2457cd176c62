package dev.kpp.app.ui.inventory;

/**
 * A progress report of a running import.
 *
 * @param workDone       work done, e.g. bytes read (any unit consistent with {@code totalWork})
 * @param totalWork      total work, or -1 when unknown (the bar is then indeterminate)
 * @param currentItem    what is being read, e.g. a file name ("" when none)
 * @param services       Services read so far
 * @param endpointSlices EndpointSlices (or converted Endpoints) read so far
 * @param nodes          Nodes read so far
 */
public record ImportProgress(long workDone, long totalWork, String currentItem, long services, long endpointSlices,
                             long nodes) {
    public ImportProgress {
        currentItem = currentItem == null ? "" : currentItem;
    }
}
