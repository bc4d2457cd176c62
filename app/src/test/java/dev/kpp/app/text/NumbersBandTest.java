package dev.kpp.app.text;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.units.Unit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers.band: a band is shown when it tells something at the digits the value is shown with. */
class NumbersBandTest {

    @Test
    void aBandShowsItsEndsInTheValuesScale() {
        assertThat(Numbers.band(new Estimate(0.292, 0.126, 0.687), Unit.CORES)).isEqualTo("292m [126–687m]");
        assertThat(Numbers.band(new Estimate(1.5, 1, 10), Unit.CORES)).isEqualTo("1.5 cores [1–10 cores]");
    }

    @Test
    void aBandTooNarrowForThreeDigitsIsNotShown() {
        // a saturated control plane: 1.0002 [1.0001–1.0004] cores would read "1 core [1–1 cores]"
        assertThat(Numbers.band(new Estimate(1.0002, 1.0001, 1.0004), Unit.CORES)).isEqualTo("1 core");
    }

    @Test
    void endsThatShareOnlyLeadingDigitsAreStillABand() {
        assertThat(Numbers.band(new Estimate(3, 1, 10), Unit.CORES)).contains("[1–10 cores]");
    }

    @Test
    void theTableColumnOfBandsAgreesWithTheInlineBand() {
        assertThat(Numbers.shownRange(new Estimate(0.292, 0.126, 0.687), Unit.CORES)).isEqualTo("126–687m");
        assertThat(Numbers.shownRange(new Estimate(1.0002, 1.0001, 1.0004), Unit.CORES)).isEmpty();
        assertThat(Numbers.shownRange(new Estimate(20, 20, 20), Unit.RULES)).isEmpty();
    }
}
