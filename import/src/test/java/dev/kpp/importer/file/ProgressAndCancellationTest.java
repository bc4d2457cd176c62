package dev.kpp.importer.file;

import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressAndCancellationTest {
    @TempDir
    Path dir;

    private Path generated() throws IOException {
        Path f = dir.resolve("gen.json");
        try (OutputStream out = Files.newOutputStream(f)) {
            DumpGenerator.write(ScenarioParams.defaults().withServices(2_000).withEndpointsPerService(10), out,
                    ProgressListener.NONE, Cancellation.NEVER);
        }
        return f;
    }

    @Test
    void progressCountsBytesUpToTheTotal() throws IOException {
        Path f = generated();
        long size = Files.size(f);
        List<long[]> calls = new ArrayList<>();
        ImportResult r = new OfflineImporter().importPaths(List.of(f),
                (done, total, key, detail) -> calls.add(new long[] {done, total}), Cancellation.NEVER);
        assertThat(r.cancelled()).isFalse();
        assertThat(calls.size()).isGreaterThan(2);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
            assertThat(calls.get(i)[1]).isEqualTo(size);
        }
        assertThat(calls.get(calls.size() - 1)[0]).isEqualTo(size);
    }

    @Test
    void aCancelledImportReturnsWhatWasReadFlaggedPartial() throws IOException {
        Path f = generated();
        AtomicInteger polls = new AtomicInteger();
        ImportResult r = new OfflineImporter().importPaths(List.of(f, f), ProgressListener.NONE,
                () -> polls.incrementAndGet() > 40);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.inventory().services()).isNotEmpty();
        assertThat(r.inventory().endpointSlices().size()).isLessThan(2_000);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("cancelled"));
    }
}
