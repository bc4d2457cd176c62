package dev.kpp.importer.file;

import dev.kpp.importer.codec.Parsers;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ProgressListener;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reading one file produced (inventory, problems, sources), for comparing a serial read with
 * reads on two cores ({@link SplitRead}); {@code taken} and {@code abandoned} count the cuts used
 * and those read again serially.
 */
record Outcome(String inventory, List<ImportProblem> collected, List<ImportProblem> file, String sources,
               String skipped, long taken, long abandoned) {

    /** @return the outcome without the cut counts */
    Outcome sameAs() {
        return new Outcome(inventory, collected, file, sources, skipped, 0, 0);
    }

    /**
     * @param share where the cut is searched from, or 0 to read serially
     */
    static Outcome of(Path f, double share) {
        SourceReader r = new SourceReader(ProgressListener.NONE, Cancellation.NEVER, -1, ImportLimits.defaults(),
                InputStream::nullInputStream);
        r.splitFrom(share > 0 ? 0 : Long.MAX_VALUE, share > 0 ? share : SplitRead.FIRST_SHARE);
        InventoryCollector all = new InventoryCollector(Parsers.YAML);
        SourceReader.Outputs out = new SourceReader.Outputs();
        r.read(f, all, out);
        long[] s = r.splits();
        String inventory = all.build("t").toString();
        return new Outcome(inventory, List.copyOf(all.problems()), List.copyOf(out.problems),
                out.sources.toString(), all.skippedKinds().toString(), s[0], s[1]);
    }

    /** @return how many of the cuts were taken; fails when a cut read differs from the serial read */
    static int assertSameEverywhere(Path f, double... shares) {
        Outcome serial = of(f, 0);
        assertThat(serial.taken()).isZero();
        int taken = 0;
        for (double share : shares) {
            Outcome split = of(f, share);
            assertThat(split.sameAs()).as("cut from %.2f of %s", share, f.getFileName()).isEqualTo(serial);
            taken += (int) split.taken();
        }
        return taken;
    }
}
