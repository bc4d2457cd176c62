package dev.kpp.app.ui.scenario;

import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.scenario.Samples;
import dev.kpp.model.scenario.ScenarioField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioViewModelTest {
    private final AtomicLong clock = new AtomicLong();
    private PlannerSession session;
    private ScenarioViewModel vm;

    @BeforeEach
    void setUp() {
        session = new PlannerSession(Samples.byName("growth-4k").orElseThrow(), MetricCatalog.defaultBudgets());
        vm = new ScenarioViewModel(session, Texts.english(), clock::get);
    }

    @Test
    void typingAValidServiceCountUpdatesTheSessionAndTheSlider() {
        double before = vm.services().sliderProperty().get();
        vm.services().textProperty().set("50k");
        assertThat(session.inputsProperty().get().services()).isEqualTo(50_000);
        assertThat(vm.services().sliderProperty().get()).isGreaterThan(before);
        assertThat(vm.services().errorProperty().get()).isNull();
        assertThat(session.dirtyBinding().get()).isTrue();
    }

    @Test
    void rejectedTextIsExplainedAndTheLastValidValueStays() {
        vm.services().textProperty().set("abc");
        assertThat(vm.services().errorProperty().get())
                .isEqualTo("Services must be a number such as 12000, 12,000 or 12k (got 'abc')");
        assertThat(session.inputsProperty().get().services()).isEqualTo(4_000);
        vm.services().textProperty().set("2000000");
        assertThat(vm.services().errorProperty().get())
                .isEqualTo("Services must be between 0 and 1,000,000 (got 2000000)");
        vm.input(ScenarioField.NODE_PORT_SHARE).textProperty().set("5");
        assertThat(vm.input(ScenarioField.NODE_PORT_SHARE).errorProperty().get())
                .isEqualTo("NodePort share is a share: write it as a percentage (5%) or a fraction (0.05), not '5'");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "services | 50000 | 50,000",
        "services | 50k | 50,000",
        "services | 1M | 1,000,000",
        "nodePortShare | 0.05 | 5%",
        "nodePortShare | 7.5% | 7.5%",
        "requestsPerSecond | 2500.5 | 2,500.5",
        "podsPerNode | 110 | 110"})
    void committedTextIsRewrittenInItsCanonicalForm(String id, String typed, String shown) {
        InputField f = vm.input(ScenarioField.fromId(id));
        f.textProperty().set(typed);
        assertThat(f.errorProperty().get()).isNull();
        f.commit();
        assertThat(f.textProperty().get()).isEqualTo(shown);
    }

    @Test
    void rejectedTextIsNotRewrittenOnCommit() {
        vm.services().textProperty().set("1.2M");
        vm.services().commit();
        assertThat(vm.services().textProperty().get()).isEqualTo("1.2M");
        assertThat(vm.services().errorProperty().get()).contains("between 0 and 1,000,000");
    }

    @Test
    void theCalicoAddOnsInputsReachTheScenario() {
        vm.input(ScenarioField.PODS_PER_NODE).textProperty().set("110");
        vm.input(ScenarioField.POLICIES_PER_POD).textProperty().set("12");
        assertThat(session.inputsProperty().get().podsPerNode()).isEqualTo(110);
        assertThat(session.inputsProperty().get().policiesPerPod()).isEqualTo(12);
        assertThat(vm.calicoFields()).extracting(InputField::field)
                .containsExactly(ScenarioField.PODS_PER_NODE, ScenarioField.POLICIES_PER_POD);
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
        vm.input(ScenarioField.NODES).textProperty().set("80");
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
    void sharesAboveOneHundredPercentAreRejectedWithTheSumAsAPercentage() {
        vm.input(ScenarioField.NODE_PORT_SHARE).textProperty().set("80%");
        vm.input(ScenarioField.LOAD_BALANCER_SHARE).textProperty().set("30%");
        assertThat(vm.problemProperty().get()).isEqualTo("the NodePort and LoadBalancer shares add up to 110%, more than 100%");
        assertThat(vm.input(ScenarioField.LOAD_BALANCER_SHARE).errorProperty().get()).isNotNull();
        assertThat(session.inputsProperty().get().loadBalancerShare()).isEqualTo(0.02);
    }

    @Test
    void anInvalidKernelIsExplainedAndAValidOneApplies() {
        vm.kernel().textProperty().set("linux");
        assertThat(vm.kernel().errorProperty().get()).isEqualTo("Kernel must be a kernel version such as 5.15 or 6.1 (got 'linux')");
        vm.kernel().textProperty().set("6.6");
        assertThat(session.inputsProperty().get().kernel()).hasToString("6.6");
    }

    @Test
    void budgetsTakeTheirUnitsSuffixesAndAreUndoable() {
        BudgetField sync = vm.budgets().stream().filter(b -> b.metric() == Metric.SYNC_FULL_SECONDS)
                .findFirst().orElseThrow();
        assertThat(sync.enabledProperty().get()).as("no default budget for the full sync").isFalse();
        sync.enabledProperty().set(true);
        sync.textProperty().set("2500ms");
        assertThat(session.budgetsProperty().get().limit(Metric.SYNC_FULL_SECONDS).getAsDouble()).isEqualTo(2.5);
        sync.commit();
        assertThat(sync.textProperty().get()).isEqualTo("2.5");
        assertThat(vm.budgetUnit(sync)).isEqualTo("s");
        clock.addAndGet(5_000_000_000L);
        sync.enabledProperty().set(false);
        assertThat(session.budgetsProperty().get().limit(Metric.SYNC_FULL_SECONDS)).isEmpty();
        vm.undo();
        assertThat(session.budgetsProperty().get().limit(Metric.SYNC_FULL_SECONDS).getAsDouble()).isEqualTo(2.5);
        BudgetField cpu = vm.budgets().stream().filter(b -> b.metric() == Metric.CPU_CORES).findFirst().orElseThrow();
        cpu.textProperty().set("fast");
        assertThat(cpu.errorProperty().get()).startsWith("CPU per node must be a number");
    }

    @Test
    void resettingToTheSamplesValuesLeavesNothingUnsaved() {
        vm.services().textProperty().set("9000");
        assertThat(session.dirtyBinding().get()).isTrue();
        vm.resetInputs();
        assertThat(session.inputsProperty().get()).isEqualTo(session.baseParams());
        assertThat(session.dirtyBinding().get()).isFalse();
    }
}
