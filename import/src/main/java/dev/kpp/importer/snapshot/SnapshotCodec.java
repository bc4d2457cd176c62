package dev.kpp.importer.snapshot;

import dev.kpp.importer.io.OutputException;
import dev.kpp.importer.io.SafeOutput;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Writes and reads snapshots as one JSON document, streaming in both directions so that a
 * 50,000-service inventory never exists as a JSON tree. The {@code format} and {@code version}
 * fields come first, so a reader can tell a snapshot from a kubectl dump by its first bytes.
 */
public final class SnapshotCodec {
    private SnapshotCodec() {
    }

    /**
     * Saves atomically through {@link SafeOutput} (see there): the target is either unchanged or
     * completely replaced.
     *
     * @param snapshot the snapshot
     * @param target   the file
     * @throws OutputException when writing fails (the target is then unchanged)
     */
    public static void save(Snapshot snapshot, Path target) throws OutputException {
        SnapshotWriter.save(snapshot, target, List.of(), System.out);
    }

    /**
     * Saves through {@link SafeOutput}, refusing a target that is one of the inputs.
     *
     * @param snapshot the snapshot
     * @param target   the file, or {@code -} for {@code stdout}
     * @param inputs   the files the snapshot was read from
     * @param stdout   where {@code -} writes (flushed, not closed)
     * @throws OutputException when the target may not be written or writing fails (it is then unchanged)
     */
    public static void save(Snapshot snapshot, Path target, Collection<Path> inputs, OutputStream stdout)
            throws OutputException {
        SnapshotWriter.save(snapshot, target, inputs, stdout);
    }

    /** Writes the snapshot as JSON (UTF-8, no indentation) to a stream; the stream is not closed. */
    public static void write(Snapshot s, OutputStream out) throws IOException {
        SnapshotWriter.write(s, out);
    }

    /**
     * Reads a snapshot.
     *
     * @param in     the bytes (not closed)
     * @param source name for messages
     * @param cancel polled between objects
     * @return the snapshot
     * @throws ImportException when the document is not a kpp snapshot, has another version, or is malformed
     */
    public static Snapshot read(InputStream in, String source, Cancellation cancel) throws ImportException, IOException {
        return SnapshotReader.read(in, source, cancel);
    }
}
