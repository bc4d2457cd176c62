package dev.kpp.importer.fuzz;

import dev.kpp.importer.spi.ImportException;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.RuleDumpSummary;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
}
