package dev.kpp.importer.fuzz;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.RuleDumpSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fuzz targets' oracle must be able to fail: each check rejects what it is meant to catch. */
class FuzzContractTest {
    @Test
    void acceptsTheImportersOwnRejection() {
        assertThatCode(() -> FuzzContract.rejected(new ImportException(
                ImportProblem.error("malformed-json", FuzzContract.SOURCE, "1:2", "unexpected end"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aRejectionMustNameTheFileAndCarryAStableErrorCode() {
        assertThatThrownBy(() -> FuzzContract.rejected(new ImportException(
                ImportProblem.error("malformed-json", "other.json", "", ""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("other.json");
        assertThatThrownBy(() -> FuzzContract.rejected(new ImportException(
                ImportProblem.warning("skipped", FuzzContract.SOURCE, "", ""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ERROR");
        assertThatThrownBy(() -> FuzzContract.rejected(new ImportException(
                ImportProblem.error("Malformed JSON", FuzzContract.SOURCE, "", ""))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("kebab-case");
    }

    @Test
    void countsAboveTheInputSizeOrBelowZeroAreFindings() {
        assertThatCode(() -> FuzzContract.bounded(new RuleDumpSummary(FuzzContract.SOURCE, "nft",
                Map.of("tables", 3L)), 40)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FuzzContract.bounded(new RuleDumpSummary(FuzzContract.SOURCE, "nft",
                Map.of("tables", 41L)), 40)).isInstanceOf(AssertionError.class).hasMessageContaining("tables");
        assertThatThrownBy(() -> FuzzContract.bounded(new RuleDumpSummary(FuzzContract.SOURCE, "nft",
                Map.of("tables", -1L)), 40)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theParserTargetsSkipExactlyWhatTheImporterRejectsAsBinary(@TempDir Path dir) throws IOException {
        byte[][] inputs = {
            {0, 0, 0, '{', 0, 0},
            "{\"kind\": \"List\"}\n\t".getBytes(StandardCharsets.UTF_8),
            "# TYPE x counter\u001b[0m\fx 1\r\n".getBytes(StandardCharsets.UTF_8),
            "table ip t {\u0001}".getBytes(StandardCharsets.UTF_8),
        };
        for (int i = 0; i < inputs.length; i++) {
            Path f = Files.write(dir.resolve("input-" + i), inputs[i]);
            boolean binary = Fixtures.load(f).problems().stream().anyMatch(p -> p.code().equals("binary-file"));
            assertThat(FuzzContract.reachesParser(inputs[i])).as("input %d", i).isEqualTo(!binary);
        }
    }
}
