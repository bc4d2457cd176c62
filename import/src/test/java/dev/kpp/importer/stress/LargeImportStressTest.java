package dev.kpp.importer.stress;

import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.file.DumpGenerator;
import dev.kpp.importer.snapshot.Provenance;
import dev.kpp.importer.snapshot.Snapshot;
import dev.kpp.importer.snapshot.SnapshotCodec;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The 50,000-Service / 250,000-endpoint dump imports and saves in a 96 MiB heap. */
@Tag("stress")
class LargeImportStressTest {
    @TempDir
    Path dir;

    /** Child main: imports args[0], saves the snapshot to args[1], prints the counts. */
    public static void main(String[] args) throws IOException {
        ImportResult r = new OfflineImporter().importPaths(List.of(Path.of(args[0])), ProgressListener.NONE,
                Cancellation.NEVER);
        SnapshotCodec.save(new Snapshot(new Provenance("stress", r.importedAt(), "", false, false, r.sources()),
                r.inventory(), r.metrics(), r.ruleDumps(), r.skippedKinds()), Path.of(args[1]));
        System.out.println("services=" + r.inventory().services().size() + " slices="
                + r.inventory().endpointSlices().size() + " problems=" + r.problems().size());
    }

    @Test
    void fiftyThousandServicesImportUnderXmx96m() throws Exception {
        Path dump = dir.resolve("x.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dump), 1 << 16)) {
            DumpGenerator.write(ScenarioParams.defaults().withServices(50_000).withEndpointsPerService(5), out,
                    ProgressListener.NONE, Cancellation.NEVER);
        }
        Process p = ChildJvm.start(List.of("-Xmx96m", "-XX:+UseSerialGC"), LargeImportStressTest.class,
                dump.toString(), dir.resolve("x.kpp.json").toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("services=50000 slices=50000 problems=0");
    }
}
