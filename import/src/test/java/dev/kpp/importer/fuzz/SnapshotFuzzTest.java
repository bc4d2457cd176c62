package dev.kpp.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Fuzzes the snapshot reader. Besides the contract every target checks, a snapshot that was read
 * must survive being written and read again unchanged (kpp re-saves imported snapshots).
 * Seeds: snapshots of the fixture import, written by the snapshot writer. Raw bytes, binary ones
 * included: the reader's contract holds for any input, not only what the binary check lets through.
 */
@Timeout(10)
class SnapshotFuzzTest {
    @MethodSource("dev.kpp.importer.fuzz.Seeds#snapshots")
    @FuzzTest(maxDuration = "10m")
    void snapshot(byte[] input) throws IOException {
        Snapshot s;
        try {
            s = SnapshotCodec.read(new ByteArrayInputStream(input), FuzzContract.SOURCE, Cancellation.NEVER);
        } catch (ImportException e) {
            FuzzContract.rejected(e);
            return;
        }
        FuzzContract.bounded(s.inventory(), input.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(s, out);
        Snapshot back;
        try {
            back = SnapshotCodec.read(new ByteArrayInputStream(out.toByteArray()), FuzzContract.SOURCE,
                    Cancellation.NEVER);
        } catch (ImportException e) {
            throw new AssertionError("round trip: a snapshot kpp read cannot be read back after saving: "
                    + e.getMessage(), e);
        }
        if (!back.equals(s)) {
            throw new AssertionError("round trip: a snapshot kpp read changes when saved and read again");
        }
    }
}
