package dev.kpp.importer;

import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test helpers: fixture paths and a one-call import. */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return the path of a test resource under dev/kpp/importer */
    public static Path resource(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/dev/kpp/importer/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return a path in a new temporary directory, both deleted when the JVM exits (for fuzz targets,
     *         which write each input to one file)
     */
    public static Path scratchFile(String prefix, String name) {
        try {
            Path dir = java.nio.file.Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            Path f = dir.resolve(name);
            f.toFile().deleteOnExit();
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Imports paths with a fixed clock. */
    public static ImportResult load(Path... paths) {
        return new OfflineImporter(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC))
                .importPaths(List.of(paths), ProgressListener.NONE, Cancellation.NEVER);
    }

    /** @return the single problem with this code, failing when there is none */
    public static ImportProblem problem(ImportResult r, String code) {
        return r.problems().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem '" + code + "' in " + r.problems()));
    }
}
