package dev.kpp.app.ui.calibration;

import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.results.ResultsViewModel;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationViewModelTest {
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow(),
            MetricCatalog.defaultBudgets());
    private final CalibrationViewModel vm = new CalibrationViewModel(session, Texts.english());

    private void fittedAndPlanned() {
        new ResultsViewModel(session, new ImmediateTaskRunner(), Texts.english(), new FakeDialogs(), new FakeClipboard(),
                Contexts.NAMING_RENDERER, System::nanoTime,
                java.time.Clock.systemUTC());
        Calibration c = Calibration.embedded();
        session.useCalibration(c, new Planner(c));
    }

    @Test
    void theDefaultModelIsOneThatInformsTheCurrentPrediction() {
        assertThat(vm.reports()).isEmpty();
        fittedAndPlanned();
        FitReport shown = vm.selectedProperty().get();
        assertThat(shown).isNotNull();
        assertThat(shown.rows()).anyMatch(vm::informsCurrent);
        assertThat(vm.informsProperty().get()).matches("\\d+ point\\(s\\) inform the current prediction \\(ringed\\)");
        assertThat(vm.plotProperty().get().annotations()).isNotEmpty();
    }

    @Test
    void pointsAreColouredByTheirSeries() {
        fittedAndPlanned();
        var plot = vm.plotProperty().get();
        Set<String> pointStyles = new HashSet<>();
        plot.series().stream().filter(s -> s.scatter()).forEach(s -> pointStyles.add(s.styleClass()));
        assertThat(pointStyles).hasSizeGreaterThan(1).allSatisfy(c -> assertThat(c).startsWith("cal-series-"));
        assertThat(plot.series()).filteredOn(s -> s.scatter()).allSatisfy(s -> assertThat(s.name()).endsWith("(measured)"));
    }

    @Test
    void aModelTheUserPicksStaysWhenThePredictionChanges() {
        fittedAndPlanned();
        FitReport other = vm.reports().stream().filter(r -> r != vm.selectedProperty().get()).findFirst().orElseThrow();
        vm.selectedProperty().set(other);
        session.inputsProperty().set(session.inputsProperty().get().withServices(20_000));
        assertThat(vm.selectedProperty().get()).isSameAs(other);
    }
}
