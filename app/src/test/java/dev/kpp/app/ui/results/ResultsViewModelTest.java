package dev.kpp.app.ui.results;

import dev.kpp.app.text.Messages;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.RunningTask;
import dev.kpp.app.ui.common.TaskBuilder;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsViewModelTest {
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow());

    @Test
    void rowsAndChartsFollowTheServicesInput() {
        ResultsViewModel vm = new ResultsViewModel(session, new ImmediateTaskRunner(), Messages.english(),
                System::nanoTime);
        double before = rules(vm);
        session.inputsProperty().set(session.inputsProperty().get().withServices(50_000));
        assertThat(rules(vm)).isGreaterThan(before * 5);
        assertThat(vm.plot(MetricCatalog.RULES_PER_CONNECTION).marker()).isEqualTo(50_000);
        assertThat(vm.plot(MetricCatalog.RULES_PER_CONNECTION).series()).hasSize(4);
        assertThat(session.predictionProperty().get().scenario().services()).isEqualTo(50_000);
    }

    @Test
    void budgetsFlagModesAboveThemAndAddCrossovers() {
        ResultsViewModel vm = new ResultsViewModel(session, new ImmediateTaskRunner(), Messages.english(),
                System::nanoTime);
        session.budgetsProperty().set(session.budgetsProperty().get().with("rulesPerConnection", 100.0));
        ModeRow ipt = vm.rows().stream().filter(r -> r.mode() == ProxyMode.IPTABLES).findFirst().orElseThrow();
        assertThat(ipt.overBudget()).contains("rulesPerConnection");
        assertThat(vm.plot(MetricCatalog.RULES_PER_CONNECTION).thresholds()).hasSize(1);
        assertThat(vm.crossovers()).anyMatch(c -> c.budget() && c.text().startsWith("iptables exceeds 100 at"));
    }

    @Test
    void whileARecomputationRunsOnlyTheLatestRequestRunsNext() {
        List<TaskBuilder<?>> queued = new ArrayList<>();
        ImmediateTaskRunner immediate = new ImmediateTaskRunner();
        TaskRunner deferred = new TaskRunner() {
            @Override
            public <T> RunningTask launch(TaskBuilder<T> task) {
                queued.add(task);
                return null;
            }

            @Override
            public void shutdown() {
            }
        };
        ResultsViewModel vm = new ResultsViewModel(session, deferred, Messages.english(), System::nanoTime);
        for (long s : new long[]{1_000, 2_000, 30_000}) {
            session.inputsProperty().set(session.inputsProperty().get().withServices(s));
        }
        assertThat(queued).hasSize(1);
        immediate.launch(queued.remove(0));
        assertThat(queued).hasSize(1);
        immediate.launch(queued.remove(0));
        assertThat(queued).isEmpty();
        assertThat(session.predictionProperty().get().scenario().services()).isEqualTo(30_000);
        vm.chartsRendered(vm.resultProperty().get());
        assertThat(vm.latencies()).hasSize(1);
    }

    private static double rules(ResultsViewModel vm) {
        return vm.rows().stream().filter(r -> r.mode() == ProxyMode.IPTABLES).findFirst().orElseThrow()
                .values().get("rulesPerConnection").value();
    }
}
