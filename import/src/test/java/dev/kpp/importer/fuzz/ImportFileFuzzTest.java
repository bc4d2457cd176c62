package dev.kpp.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.Fixtures;
import dev.kpp.importer.OfflineImporter;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ProgressListener;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the whole file import as the CLI and the window run it: content sniffing, gzip and tar
 * unpacking, UTF-8 decoding and the parser chosen by content. The importer never throws for bad
 * input; it turns a parser's escaped exception into the catch-all problem {@code unreadable}
 * (RuntimeException, StackOverflowError) or {@code read-failed} (an IOException, which for a file
 * that exists and is readable means content made a parser fail), so either code is a finding.
 * Seeds: every fixture, a gzip-compressed dump and a tar bundle (in the inputs directory).
 */
@Timeout(10)
class ImportFileFuzzTest {
    private static final Path FILE = Fixtures.scratchFile("kpp-fuzz", "input");

    @MethodSource("dev.kpp.importer.fuzz.Seeds#anyFile")
    @FuzzTest(maxDuration = "10m")
    void anyFile(byte[] input) throws IOException {
        Files.write(FILE, input);
        ImportResult r = new OfflineImporter().importPaths(List.of(FILE), ProgressListener.NONE, Cancellation.NEVER);
        for (ImportProblem p : r.problems()) {
            if (p.code().equals("unreadable") || p.code().equals("read-failed")) {
                throw new AssertionError("a parser escaped the importer's error type: " + p.describe());
            }
        }
        FuzzContract.problemsWellFormed(r.problems());
        if (r.sources().isEmpty() && r.errors().isEmpty()) {
            throw new AssertionError("the file contributed nothing and no error says why: " + r.problems());
        }
    }
}
