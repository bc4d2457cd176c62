package dev.kpp.app.ui.results;

import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.common.Contexts;
import dev.kpp.app.ui.common.FakeClipboard;
import dev.kpp.app.ui.common.FakeDialogs;
import dev.kpp.app.ui.common.HeldTaskRunner;
import dev.kpp.app.ui.common.ImageExport;
import dev.kpp.app.ui.common.ImmediateTaskRunner;
import dev.kpp.app.ui.common.TaskRunner;
import dev.kpp.app.ui.session.PlannerSession;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.scenario.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsViewModelTest {
    private final PlannerSession session = new PlannerSession(Samples.byName("growth-4k").orElseThrow(),
            MetricCatalog.defaultBudgets());
    private final FakeDialogs dialogs = new FakeDialogs();
    private final FakeClipboard clipboard = new FakeClipboard();

    @TempDir
    Path dir;

    private ResultsViewModel vm(TaskRunner runner) {
        return new ResultsViewModel(session, runner, Texts.english(), dialogs, clipboard, Contexts.NAMING_RENDERER,
                System::nanoTime,
                java.time.Clock.systemUTC());
    }

    private void fitted() {
        Calibration c = Calibration.embedded();
        session.useCalibration(c, new Planner(c));
    }

    private static ComparisonRow row(ResultsViewModel vm, Metric m) {
        return vm.rows().stream().filter(r -> r.metric() == m).findFirst().orElseThrow();
    }

    @Test
    void untilTheCalibrationIsFittedTheResultsSaySoThenTheFirstPlanArrives() {
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        assertThat(vm.statusProperty().get()).isEqualTo(ResultsViewModel.Status.FITTING);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Fitting the calibration to the benchmark data…");
        assertThat(vm.rows()).isEmpty();
        fitted();
        assertThat(vm.statusProperty().get()).isEqualTo(ResultsViewModel.Status.READY);
        assertThat(vm.rows()).extracting(ComparisonRow::metric).containsExactlyElementsOf(MetricCatalog.headline());
        assertThat(vm.modes()).extracting(ModeColumn::mode).containsExactly(ProxyMode.values());
    }

    @Test
    void rowsAndChartsFollowTheServicesInput() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        String before = row(vm, Metric.RULES_PER_CONNECTION).cell(ProxyMode.IPTABLES).value();
        session.inputsProperty().set(session.inputsProperty().get().withServices(50_000));
        assertThat(row(vm, Metric.RULES_PER_CONNECTION).cell(ProxyMode.IPTABLES).value()).isNotEqualTo(before);
        assertThat(vm.plot(Metric.RULES_PER_CONNECTION).marker()).isEqualTo(50_000);
        assertThat(vm.plot(Metric.RULES_PER_CONNECTION).series()).hasSize(4);
        assertThat(session.planProperty().get().current().scenario().services()).isEqualTo(50_000);
        assertThat(vm.headlineProperty().get()).isEqualTo("50,000 Services × 8 endpoints on 60 nodes");
    }

    @Test
    void valuesBudgetLinesAndCrossoversCarryTheirUnits() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        assertThat(row(vm, Metric.SYNC_FULL_SECONDS).cell(ProxyMode.IPTABLES).value()).matches("[0-9.,]+ (ms|s)");
        assertThat(row(vm, Metric.ADDED_LATENCY_MS).cells()).allSatisfy(c ->
                assertThat(c.value()).matches("[0-9.,]+ (ns|µs|ms)").doesNotContain("e-"));
        assertThat(vm.plot(Metric.CPU_CORES).thresholds()).singleElement()
                .satisfies(t -> assertThat(t.label()).isEqualTo("budget 250m"));
        assertThat(vm.plot(Metric.SYNC_PARTIAL_SECONDS).thresholds()).singleElement()
                .satisfies(t -> assertThat(t.label()).isEqualTo("budget 1 s"));
        session.budgetsProperty().set(session.budgetsProperty().get().with(Metric.RULES_PER_CONNECTION, 100.0));
        assertThat(row(vm, Metric.RULES_PER_CONNECTION).cell(ProxyMode.IPTABLES).overBudget()).isTrue();
        assertThat(vm.plot(Metric.RULES_PER_CONNECTION).thresholds()).singleElement()
                .satisfies(t -> assertThat(t.label()).isEqualTo("budget 100 rules"));
        assertThat(vm.crossovers()).anySatisfy(c -> assertThat(c.text())
                .matches("iptables exceeds the budget of 100 rules at [0-9,]+ Services"));
        assertThat(vm.crossovers()).anySatisfy(c -> assertThat(c.text())
                .matches(".+ exceeds the budget of 250m at [0-9,]+ Services"));
        // the partial sync's budget is listed although no chart shows the partial sync
        assertThat(vm.chartMetrics()).noneMatch(slot -> slot.get() == Metric.SYNC_PARTIAL_SECONDS);
        assertThat(vm.crossovers()).anySatisfy(c -> {
            assertThat(c.metricLabel()).isEqualTo("Partial sync");
            assertThat(c.text()).matches(".+ exceeds the budget of 1 s at [0-9,]+ Services");
        });
        assertThat(vm.plot(Metric.SYNC_FULL_SECONDS).yFormat().tick(1000)).isEqualTo("1,000 s");
    }

    @Test
    void lookupsPerConnectionAreNeverRankedSoIptablesZeroIsNotBest() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        vm.allMetricsProperty().set(true);
        assertThat(vm.rows()).extracting(ComparisonRow::metric).containsExactlyElementsOf(MetricCatalog.all());
        ComparisonRow lookups = row(vm, Metric.LOOKUPS_PER_CONNECTION);
        assertThat(lookups.cell(ProxyMode.IPTABLES).value()).isEqualTo("0");
        assertThat(lookups.cells()).noneMatch(ComparisonRow.Cell::best);
        assertThat(row(vm, Metric.RULES_PER_CONNECTION).cells()).filteredOn(ComparisonRow.Cell::best).isNotEmpty();
    }

    @Test
    void lowConfidenceEstimatesAreMarkedWithTheirReasonAndHatchedInCharts() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        ComparisonRow conntrack = row(vm, Metric.CONNTRACK_UTILIZATION);
        assertThat(conntrack.cells()).allSatisfy(c -> {
            assertThat(c.lowConfidence()).isTrue();
            assertThat(c.note()).startsWith("Low confidence: ").contains("connection lifetime");
        });
        assertThat(row(vm, Metric.RULES_PER_CONNECTION).cells()).noneMatch(ComparisonRow.Cell::lowConfidence);
        var plot = vm.plot(Metric.CONNTRACK_UTILIZATION);
        assertThat(plot.anyLowConfidence()).isTrue();
        assertThat(plot.lowLabel()).isEqualTo("hatched: low confidence");
        assertThat(vm.plot(Metric.RULES_PER_CONNECTION).anyLowConfidence()).isFalse();
    }

    @Test
    void theCalicoAddOnIsShownWithItsInputs() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        assertThat(vm.calicoProperty().get()).startsWith("Calico policy chains (40 pods/node, 3 policies/pod): ")
                .contains("rules per new connection", "latency", "CPU per node");
        session.inputsProperty().set(session.inputsProperty().get().withPolicy(110, 10));
        assertThat(vm.calicoProperty().get()).startsWith("Calico policy chains (110 pods/node, 10 policies/pod)");
    }

    @Test
    void copyAsJsonPutsThePredictionContractOnTheClipboard() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        vm.copyJson();
        assertThat(clipboard.text).isEqualTo(vm.predictionJson()).startsWith("{")
                .contains("\"source\" : \"sample:growth-4k\"", "\"recommendation\"");
        assertThat(session.noticeProperty().get()).startsWith("Copied the prediction as JSON");
    }

    @Test
    void exportsRenderTheChartsAtTheChosenSizeAndNameWhatTheyExport() throws Exception {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        Path all = dir.resolve("charts.svg");
        dialogs.imageExport = new ImageExport(all, ImageExport.Format.SVG, new ImageExport.Size(2400, 1500));
        vm.exportCharts();
        assertThat(Files.readString(all)).isEqualTo("SVG 2400x1500 [Rules per new connection, Full sync, CPU per node, "
                + "Added latency]");
        Path one = dir.resolve("sync.png");
        dialogs.imageExport = new ImageExport(one, ImageExport.Format.PNG, new ImageExport.Size(800, 500));
        vm.exportChart(1);
        assertThat(Files.readString(one, StandardCharsets.UTF_8)).isEqualTo("PNG 800x500 [Full sync]");
        assertThat(dialogs.imageExportTitles).containsExactly("Export the four charts", "Export the chart “Full sync”");
        Path json = dir.resolve("p.json");
        dialogs.jsonToSave = json;
        vm.exportJson();
        assertThat(Files.readString(json)).isEqualTo(vm.predictionJson());
    }

    @Test
    void anInventoryWithNothingToPlanSaysSoInsteadOfFailing() {
        fitted();
        ResultsViewModel vm = vm(new ImmediateTaskRunner());
        var empty = dev.kpp.model.scenario.SyntheticCluster.inventory(
                dev.kpp.model.scenario.ScenarioParams.defaults().withServices(0), "nodes-only");
        var result = new dev.kpp.importer.spi.ImportResult(empty, List.of(), List.of(), List.of(), List.of(),
                java.util.Map.of(), false, java.time.Instant.EPOCH, false);
        session.useInventory(dev.kpp.app.ui.session.LoadedInventory.of(
                new dev.kpp.importer.spi.ImportRequest.Files(List.of(Path.of("nodes-only.json"))), result,
                dev.kpp.model.scenario.ScenarioParams.defaults()));
        assertThat(vm.statusProperty().get()).isEqualTo(ResultsViewModel.Status.FAILED);
        assertThat(vm.statusTextProperty().get()).isEqualTo(
                "Services: the inventory has no proxied Services or endpoints to scale (got 10)");
    }

    @Test
    void whileAPlanIsComputedOnlyTheLatestRequestRunsNext() {
        fitted();
        HeldTaskRunner deferred = new HeldTaskRunner();
        ResultsViewModel vm = vm(deferred);
        for (long s : new long[]{1_000, 2_000, 30_000}) {
            session.inputsProperty().set(session.inputsProperty().get().withServices(s));
        }
        assertThat(deferred.held).hasSize(1);
        deferred.runNext();
        assertThat(deferred.held).hasSize(1);
        deferred.runNext();
        assertThat(deferred.held).isEmpty();
        assertThat(session.planProperty().get().current().scenario().services()).isEqualTo(30_000);
        vm.chartsRendered();
        assertThat(vm.latencies()).hasSize(1);
        assertThat(vm.timingProperty().get()).startsWith("Last redraw");
    }

    /** Offers the plan of the session's current inputs, computed beforehand on {@code planner} (the start-up plan). */
    private Plan offerCurrentPlan(ResultsViewModel vm, Planner planner) {
        var input = session.planInput();
        Plan plan = planner.plan(input, session.budgetsProperty().get(), () -> false);
        vm.offer(planner, input, session.budgetsProperty().get(), plan);
        return plan;
    }

    @Test
    void aRequestQueuedBeforeTheCalibrationIsNotPlannedAgainAfterTheFirstPlan() {
        HeldTaskRunner deferred = new HeldTaskRunner();
        ResultsViewModel vm = vm(deferred);
        assertThat(deferred.held).as("no planner yet: the request waits").isEmpty();
        fitted();
        assertThat(deferred.held).hasSize(1);
        deferred.runNext();
        assertThat(vm.statusProperty().get()).isEqualTo(ResultsViewModel.Status.READY);
        assertThat(deferred.held).as("the waiting request was the same one: nothing is planned twice").isEmpty();
    }

    @Test
    void anOfferedPlanForTheSameInputIsShownWithoutPlanningAgain() {
        HeldTaskRunner deferred = new HeldTaskRunner();
        ResultsViewModel vm = vm(deferred);
        Calibration c = Calibration.embedded();
        Planner planner = new Planner(c);
        Plan plan = offerCurrentPlan(vm, planner);
        session.useCalibration(c, planner);
        assertThat(deferred.held).as("taken at once, no task").isEmpty();
        assertThat(session.planProperty().get()).isSameAs(plan);
        assertThat(vm.statusProperty().get()).isEqualTo(ResultsViewModel.Status.READY);
        assertThat(vm.rows()).isNotEmpty();
    }

    @Test
    void anOfferedPlanForOtherInputsIsDroppedAndTheInputsArePlanned() {
        HeldTaskRunner deferred = new HeldTaskRunner();
        ResultsViewModel vm = vm(deferred);
        Calibration c = Calibration.embedded();
        Planner planner = new Planner(c);
        long offeredServices = session.inputsProperty().get().services();
        Plan stale = offerCurrentPlan(vm, planner);
        session.inputsProperty().set(session.inputsProperty().get().withServices(9_000));
        session.useCalibration(c, planner);
        assertThat(deferred.held).hasSize(1);
        deferred.runNext();
        assertThat(session.planProperty().get()).isNotSameAs(stale);
        assertThat(session.planProperty().get().current().scenario().services()).isEqualTo(9_000);
        // and it is not kept for a later request that happens to match
        session.inputsProperty().set(session.inputsProperty().get().withServices(offeredServices));
        assertThat(deferred.held).hasSize(1);
    }
}
