package dev.kpp.app.text;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's additions to the shared text helpers: committed input text, quantities, confidence reasons. */
class InputTextTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "50000 | COUNT | 50,000",
        "1234.5 | NUMBER | 1,234.5",
        "0.5 | NUMBER | 0.5",
        "8 | NUMBER | 8",
        "0.05 | SHARE | 5%",
        "0.125 | SHARE | 12.5%",
        "0 | SHARE | 0%",
        "30 | SECONDS | 30",
        "-0.25 | NUMBER | -0.25",
        "1000000 | COUNT | 1,000,000"})
    void aCommittedInputIsShownExactlyAndGrouped(double v, ScenarioField.Kind kind, String expected) {
        assertThat(Numbers.input(v, kind)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"services", "requestsPerSecond", "nodePortShare", "endpointChangesPerSecond", "coresPerNode"})
    void whatTheFieldShowsParsesBackToTheSameValue(String id) {
        ScenarioField f = ScenarioField.fromId(id);
        for (double v : new double[]{0.05, 0.125, 1, 12.5, 1234.5, 50_000}) {
            if (v < f.min() || v > f.max() || (f.kind() == ScenarioField.Kind.COUNT && v != Math.rint(v))) {
                continue;
            }
            assertThat(InputParser.field(f, Numbers.input(v, f.kind()))).as("%s %s", id, v).isEqualTo(v);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "1 | SECONDS | 1",
        "500ms | SECONDS | 0.5",
        "250 us | SECONDS | 0.00025",
        "2s | MILLISECONDS | 2000",
        "1 | MILLISECONDS | 1",
        "500µs | MILLISECONDS | 0.5",
        "250m | CORES | 0.25",
        "0.25 | CORES | 0.25",
        "1.5 | CORES | 1.5",
        "75% | PERCENT | 75",
        "75 | PERCENT | 75",
        "0.75 | PERCENT | 75",
        "2m | SECONDS | 120",
        "12k | RULES | 12000"})
    void aQuantityAcceptsItsUnitsSuffixes(String text, Unit unit, double expected) {
        assertThat(InputParser.quantity(text, unit, "budget")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aQuantityThatIsNotANumberNamesItsField() {
        assertThatThrownBy(() -> InputParser.quantity("fast", Unit.SECONDS, "syncFullSeconds"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("syncFullSeconds");
                    assertThat(e.code()).isEqualTo(InvalidValueException.Code.NOT_A_NUMBER);
                });
        assertThatThrownBy(() -> InputParser.quantity("-1", Unit.CORES, "cpuCores"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void lowConfidenceIsExplainedAndOtherConfidencesSayNothing() {
        Texts texts = Texts.english();
        Estimate low = new Estimate(1, 0.5, 2, Estimate.Confidence.LOW, "assumed-connection-lifetime", List.of());
        assertThat(texts.confidence(low)).startsWith("Low confidence:").contains("connection");
        Estimate unknownReason = low.rated(Estimate.Confidence.LOW, "a-code-from-the-future", List.of());
        assertThat(texts.confidence(unknownReason)).startsWith("Low confidence:").doesNotContain("a-code");
        assertThat(texts.confidence(Estimate.exact(3))).isEmpty();
        assertThat(texts.confidence(new Estimate(1, 0.5, 2))).isEmpty();
    }
}
