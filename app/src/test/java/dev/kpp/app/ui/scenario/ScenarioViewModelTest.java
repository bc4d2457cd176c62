package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioViewModelTest {
    private final AtomicLong clock = new AtomicLong();
    private PlannerSession session;
    private ScenarioViewModel vm;

    @BeforeEach
    void setUp() {
        session = new PlannerSession(Samples.byName("growth-4k").orElseThrow());
        vm = new ScenarioViewModel(session, Messages.english(), clock::get);
    }

    @Test
    void typingAValidServiceCountUpdatesTheSessionAndTheSlider() {
        double before = vm.services().sliderProperty().get();
        vm.services().textProperty().set("50k");
        assertThat(session.inputsProperty().get().services()).isEqualTo(50_000);
        assertThat(vm.services().sliderProperty().get()).isGreaterThan(before);
        assertThat(vm.services().errorProperty().get()).isNull();
        assertThat(session.dirtyProperty().get()).isTrue();
    }

    @Test
    void invalidTextShowsAnErrorAndKeepsTheLastValidValue() {
        vm.services().textProperty().set("lots");
        assertThat(vm.services().errorProperty().get()).contains("number");
        assertThat(session.inputsProperty().get().services()).isEqualTo(4_000);
        vm.services().textProperty().set("2000000");
        assertThat(vm.services().errorProperty().get()).contains("between 0 and 1,000,000");
    }

    @Test
    void movingTheSliderSnapsToTwoSignificantDigitsAndRewritesTheText() {
        vm.services().sliderProperty().set(vm.services().toSlider(12_345));
        assertThat(session.inputsProperty().get().services()).isEqualTo(12_000);
        assertThat(vm.services().textProperty().get()).isEqualTo("12,000");
    }

    @Test
    void sliderDragIsOneUndoStepAndRedoRestoresIt() {
        for (int s : new int[]{5_000, 8_000, 20_000, 50_000}) {
            clock.addAndGet(50_000_000);
            vm.services().sliderProperty().set(vm.services().toSlider(s));
        }
        clock.addAndGet(5_000_000_000L);
        vm.nodes.textProperty().set("80");
        vm.undo();
        assertThat(session.inputsProperty().get().nodes()).isEqualTo(60);
        assertThat(session.inputsProperty().get().services()).isEqualTo(50_000);
        vm.undo();
        assertThat(session.inputsProperty().get().services()).isEqualTo(4_000);
        assertThat(vm.services().textProperty().get()).isEqualTo("4,000");
        vm.redo();
        assertThat(session.inputsProperty().get().services()).isEqualTo(50_000);
    }

    @Test
    void sharesAboveOneHundredPercentAreRejected() {
        vm.workloadFields().get(2).textProperty().set("80");
        vm.workloadFields().get(3).textProperty().set("30");
        assertThat(vm.problemProperty().get()).contains("100%");
        assertThat(session.inputsProperty().get().loadBalancerShare()).isEqualTo(0.02);
    }

    @Test
    void anInvalidKernelIsFlaggedAndAValidOneApplies() {
        vm.kernel().textProperty().set("linux");
        assertThat(vm.kernel().errorProperty().get()).isNotNull();
        vm.kernel().textProperty().set("6.6");
        assertThat(session.inputsProperty().get().kernel()).isEqualTo("6.6");
    }

    @Test
    void budgetsEditTheSessionAndAreUndoable() {
        BudgetField sync = vm.budgets().stream().filter(b -> b.metric().key().equals("syncFullSeconds"))
                .findFirst().orElseThrow();
        sync.enabledProperty().set(true);
        sync.textProperty().set("2.5");
        assertThat(session.budgetsProperty().get().limit("syncFullSeconds").getAsDouble()).isEqualTo(2.5);
        clock.addAndGet(5_000_000_000L);
        sync.enabledProperty().set(false);
        assertThat(session.budgetsProperty().get().limit("syncFullSeconds")).isEmpty();
        vm.undo();
        assertThat(session.budgetsProperty().get().limit("syncFullSeconds").getAsDouble()).isEqualTo(2.5);
    }
}
