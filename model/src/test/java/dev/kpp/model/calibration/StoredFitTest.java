package dev.kpp.model.calibration;

import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.Sweep;
import dev.kpp.model.scenario.Sample;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fit kept as plain values ({@link Calibration#toValues()}) restores to the same calibration: every prediction and
 * every report equal to the fit's. A store is consulted by dataset hash; values of another dataset or model version,
 * or malformed ones, are refitted and replaced.
 */
class StoredFitTest {
    private static final Calibration FIT = Calibration.fit(BenchmarkDataset.embedded());

    /** A store in memory that counts what it is asked. */
    static final class MemoryStore implements Calibration.Store {
        final Map<String, Map<String, Object>> entries = new HashMap<>();
        int loads;
        int saves;

        @Override
        public Optional<Map<String, Object>> load(String sha) {
            loads++;
            return Optional.ofNullable(entries.get(sha));
        }

        @Override
        public void save(String sha, Map<String, Object> values) {
            saves++;
            entries.put(sha, values);
        }
    }

    @Test
    void restoredValuesPredictExactlyWhatTheFitPredicts() {
        Calibration restored = Calibration.fromValues(FIT.toValues(), FIT.datasetSha256());
        assertThat(restored.restored()).isTrue();
        assertThat(FIT.restored()).isFalse();
        assertThat(restored.toValues()).isEqualTo(FIT.toValues());
        assertThat(restored.costParameters()).isEqualTo(FIT.costParameters());
        Planner a = new Planner(FIT);
        Planner b = new Planner(restored);
        for (Sample s : Samples.all()) {
            Prediction pa = a.predict(s.params());
            Prediction pb = b.predict(s.params());
            assertThat(pb).as(s.name()).isEqualTo(pa);
        }
        PlanInput input = PlanInput.synthetic("t", Samples.byName("large-50k").orElseThrow().params());
        List<Double> values = Sweep.values(10, 100_000, 50, Sweep.Spacing.LOG);
        assertThat(b.sweep(input, Sweep.Input.SERVICES, values, () -> false).points())
                .isEqualTo(a.sweep(input, Sweep.Input.SERVICES, values, () -> false).points());
        for (FitReport r : FIT.reports()) {
            FitReport back = restored.report(r.id()).orElseThrow();
            assertThat(back.rows()).isEqualTo(r.rows());
            assertThat(back.parameters()).isEqualTo(r.parameters());
            assertThat(back.bandFactor90()).isEqualTo(r.bandFactor90());
            assertThat(back.curves()).hasSameSizeAs(r.curves());
            for (int i = 0; i < r.curves().size(); i++) {
                assertThat(back.curves().get(i).x()).containsExactly(r.curves().get(i).x());
                assertThat(back.curves().get(i).y()).containsExactly(r.curves().get(i).y());
            }
        }
        assertThat(restored.looCoverage()).isEqualTo(FIT.looCoverage());
        assertThat(restored.rowsUsed()).isEqualTo(FIT.rowsUsed());
        assertThat(restored.origin()).isEqualTo(FIT.origin());
    }

    @Test
    void aStoreIsFilledOnceAndThenRestoresFromIt() {
        MemoryStore store = new MemoryStore();
        Calibration first = Calibration.fit(BenchmarkDataset.embedded(), store);
        assertThat(first.restored()).isFalse();
        assertThat(store.saves).isEqualTo(1);
        Calibration second = Calibration.fit(BenchmarkDataset.embedded(), store);
        assertThat(second.restored()).isTrue();
        assertThat(store.saves).isEqualTo(1);
        assertThat(second.costParameters()).isEqualTo(first.costParameters());
    }

    @Test
    void aChangedDatasetHasAnotherHashAndIsRefitted() throws Exception {
        MemoryStore store = new MemoryStore();
        Calibration.fit(BenchmarkDataset.embedded(), store);
        BenchmarkPoint row = FIT.report(Calibration.SYNC_IPTABLES).orElseThrow().rows().stream()
                .filter(ValidationRow::used).map(r -> BenchmarkDataset.embedded().byId(r.benchmarkId()).orElseThrow())
                .findFirst().orElseThrow();
        BenchmarkDataset edited = RefitTest.edited(row.id(), 14, Double.toString(row.value() * 3));
        assertThat(edited.sha256()).isNotEqualTo(BenchmarkDataset.embedded().sha256());
        Calibration refit = Calibration.fit(edited, store);
        assertThat(refit.restored()).isFalse();
        assertThat(store.saves).isEqualTo(2);
        assertThat(refit.costParameters().family(Calibration.SYNC_IPTABLES))
                .isNotEqualTo(FIT.costParameters().family(Calibration.SYNC_IPTABLES));
        // and the edited fit is restored for the edited dataset only
        assertThat(Calibration.fit(edited, store).restored()).isTrue();
        assertThat(Calibration.fit(edited, store).costParameters()).isEqualTo(refit.costParameters());
    }

    @Test
    void theEmbeddedHashIsTheParsedDatasetsHash() throws Exception {
        assertThat(BenchmarkDataset.embeddedSha256()).isEqualTo(BenchmarkDataset.embedded().sha256())
                .matches("[0-9a-f]{64}");
        String crlf = String.join("\r\n", RefitTest.lines());
        assertThat(BenchmarkDataset.parse(new StringReader(crlf), "crlf").sha256())
                .isEqualTo(BenchmarkDataset.embeddedSha256());
    }

    @Test
    void valuesOfAnotherVersionOrDatasetOrMalformedAreRefusedWithTheField() {
        Map<String, Object> v = FIT.toValues();
        v.put("modelVersion", (long) Calibration.MODEL_VERSION - 1);
        assertThatThrownBy(() -> Calibration.fromValues(v, FIT.datasetSha256()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("modelVersion");
        assertThatThrownBy(() -> Calibration.fromValues(FIT.toValues(), "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datasetSha256");
        Map<String, Object> bad = FIT.toValues();
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = (Map<String, Object>) bad.get("costParameters");
        @SuppressWarnings("unchecked")
        Map<String, Object> families = (Map<String, Object>) cost.get("families");
        @SuppressWarnings("unchecked")
        Map<String, Object> sync = (Map<String, Object>) families.get(Calibration.SYNC_IPTABLES);
        sync.put("bandFactor", "wide");
        assertThatThrownBy(() -> Calibration.fromValues(bad, FIT.datasetSha256()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("costParameters.families." + Calibration.SYNC_IPTABLES + ".bandFactor");
        Map<String, Object> missing = FIT.toValues();
        missing.remove("reports");
        assertThatThrownBy(() -> Calibration.fromValues(missing, FIT.datasetSha256()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreEntryThatDoesNotRestoreIsRefittedAndReplaced() {
        MemoryStore store = new MemoryStore();
        Map<String, Object> wrong = FIT.toValues();
        wrong.put("reports", "garbage");
        store.entries.put(FIT.datasetSha256(), wrong);
        Calibration c = Calibration.fit(BenchmarkDataset.embedded(), store);
        assertThat(c.restored()).isFalse();
        assertThat(store.saves).isEqualTo(1);
        assertThat(Calibration.fromValues(store.entries.get(FIT.datasetSha256()), FIT.datasetSha256())
                .costParameters()).isEqualTo(FIT.costParameters());
    }
}
