package dev.kpp.importer.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.model.inventory.EndpointInfo;

import java.util.List;

/**
 * What {@link KubeDumpReader} hands its objects and warnings to: the file's
 * {@link InventoryCollector}, or, for the second half of a file read on two cores, a
 * {@link SplitRead} recording that the collector receives later in the file's order.
 */
interface DumpSink {
    /**
     * One object of the dump.
     *
     * @param item           the object (a tree), or any other value found where one was expected
     * @param endpoints      its {@code endpoints} list read from the token stream, or null
     * @param endpointsError what was wrong with that list, or null
     * @param source         file name for problems
     * @param location       line:column of the object
     * @param path           JSON path of the object, e.g. {@code $.items[3]}
     */
    void accept(JsonNode item, List<EndpointInfo> endpoints, String endpointsError, String source, String location,
                String path);

    /** A problem found while reading. */
    void problem(ImportProblem p);

    /** @return the one instance of {@code s} this sink keeps ("" for null) */
    String intern(String s);
}
