package dev.kpp.app.report;

import dev.kpp.app.report.chart.LineChart;
import dev.kpp.app.report.chart.Palette;
import dev.kpp.app.report.chart.TornadoChart;
import dev.kpp.app.report.doc.ReportDocument;
import dev.kpp.app.report.doc.ReportDocument.Block;
import dev.kpp.app.report.doc.ReportDocument.Bullets;
import dev.kpp.app.report.doc.ReportDocument.Callout;
import dev.kpp.app.report.doc.ReportDocument.Code;
import dev.kpp.app.report.doc.ReportDocument.Column;
import dev.kpp.app.report.doc.ReportDocument.Figure;
import dev.kpp.app.report.doc.ReportDocument.Heading;
import dev.kpp.app.report.doc.ReportDocument.Paragraph;
import dev.kpp.app.report.doc.ReportDocument.Row;
import dev.kpp.app.report.doc.ReportDocument.Section;
import dev.kpp.app.report.doc.ReportDocument.Table;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.SourceFile;
import dev.kpp.model.advice.Check;
import dev.kpp.model.advice.Finding;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.advice.MigrationPlan;
import dev.kpp.model.advice.Recommendation;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Crossover;
import dev.kpp.model.plan.InventorySummary;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.SweepResult;
import dev.kpp.model.rules.ModeStructure;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.Unit;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ReportModel} into the report's sections: every sentence from the message bundle
 * ({@code report.*} keys and the advisor's wording through {@link Texts}), every number through
 * {@link Numbers}. The PDF and the Markdown report render what this builds.
 */
public final class ReportBuilder {
    /** The mark of an estimate of low confidence (explained in a note under its table). */
    public static final String LOW_MARK = "\u00a0*";
    private static final Texts TEXTS = Texts.english();
    /** The figures charted against Services, beside any budgeted one. */
    private static final List<Metric> CHARTS = List.of(Metric.RULES_PER_CONNECTION, Metric.SYNC_PARTIAL_SECONDS,
            Metric.SYNC_FULL_SECONDS, Metric.CPU_CORES, Metric.ADDED_LATENCY_MS, Metric.CONNTRACK_UTILIZATION);
    private static final int MAX_POINTS = 8;
    private static final int MAX_PROBLEMS = 12;

    private final ReportModel m;
    private final Recommendation r;
    private final Plan plan;
    private final Prediction p;

    private ReportBuilder(ReportModel model) {
        this.m = model;
        this.r = model.recommendation();
        this.plan = model.plan();
        this.p = model.plan().current();
    }

    /** @return the report's document */
    public static ReportDocument build(ReportModel model) {
        return new ReportBuilder(model).document();
    }

    static String t(String key, Object... args) {
        return TEXTS.messages().get(key, args);
    }

    /** @return the report's title: the one asked for, else the default */
    static String title(ReportModel m) {
        return m.input().title().isBlank() ? t("report.title.default") : m.input().title();
    }

    /** @return what the report is about: the cluster's name, the sample or the synthetic scenario */
    static String subject(ReportModel m) {
        if (m.fromInventory()) {
            String name = m.imported().inventory().name();
            return t("report.subject.inventory", name.isEmpty() ? t("report.unnamed") : name);
        }
        return m.sample().map(s -> t("report.subject.sample", s.name(), s.title()))
                .orElse(t("report.subject.synthetic"));
    }

    private ReportDocument document() {
        List<Section> sections = List.of(summary(), inventory(), model(), results(), growth(), sensitivity(), risks(),
                migration(), monitoring(), appendixModes(), appendixInputs(), glossary());
        String date = m.input().date().format(DateTimeFormatter.ISO_LOCAL_DATE);
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {t("report.fact.source"), m.input().source()});
        facts.add(new String[] {t("report.fact.date"), date});
        facts.add(new String[] {t("report.fact.scale"), scale()});
        facts.add(new String[] {t("report.fact.budgets"), RecommendationFormats.budgets(r)});
        facts.add(new String[] {t("report.fact.growth"), growthText()});
        facts.add(new String[] {t("report.fact.version"), t("report.fact.versionValue", AppInfo.version(),
                r.table())});
        facts.add(new String[] {t("report.fact.redacted"), m.input().redacted() ? t("report.yes.redacted")
                : t("report.no.redacted")});
        String title = title(m);
        ReportDocument.Meta meta = new ReportDocument.Meta(title, subject(m), date,
                t("report.headline", TEXTS.action(r), TEXTS.certainty(r.certainty())), facts,
                title + " · " + subject(m), t("report.footer", AppInfo.version(), date),
                t("report.pdf.subject", subject(m)), t("report.pdf.keywords"), t("report.pdf.author",
                AppInfo.version()), t("report.titlepage.generated", AppInfo.version(), date));
        return new ReportDocument(meta, sections);
    }

    private String scale() {
        ScenarioParams s = p.scenario();
        return t("report.scale", Numbers.count(s.services()), Numbers.number(p.workload().meanEndpointsPerPort()),
                Numbers.count(s.nodes()), Numbers.number(s.coresPerNode()), s.kernel().toString(),
                s.kubernetesVersion().toString());
    }

    private String growthText() {
        if (m.input().growth().isEmpty()) {
            return t("report.growth.none");
        }
        Growth g = m.input().growth().get();
        String rate = g instanceof Growth.Linear l ? t("report.growth.linear", Numbers.number(l.servicesPerMonth()))
                : t("report.growth.compound", Numbers.share(((Growth.Compound) g).sharePerMonth()));
        return t("report.growth.rate", rate, Numbers.number(m.input().horizonMonths()));
    }

    // ---------------------------------------------------------------- 1 executive summary

    private Section summary() {
        List<Block> b = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        lines.add(t("report.summary.certainty", TEXTS.certainty(r.certainty())));
        lines.add(t("report.summary.budgets", RecommendationFormats.budgets(r)));
        r.reasons().stream().limit(3).forEach(f -> lines.add(TEXTS.finding(f)));
        b.add(new Callout(TEXTS.action(r), lines, r.action() == Recommendation.Action.SWITCH
                ? ReportDocument.Tone.ACCENT : ReportDocument.Tone.OK));
        b.add(Paragraph.of(t("report.summary.scenario", subject(m), scale(), Numbers.number(
                p.scenario().requestsPerSecond()), Numbers.number(p.scenario().requestsPerConnection()),
                Numbers.number(p.scenario().newConnectionsPerSecond()))));
        b.add(new Heading("summary-figures", t("report.summary.figures")));
        b.add(figureTable(MetricCatalog.headline()));
        b.add(new Heading("summary-go", t("report.summary.go")));
        b.add(Paragraph.of(t("report.summary.goIntro", TEXTS.mode(r.mode()))));
        b.add(goNoGo());
        b.add(new Heading("summary-why", t("report.summary.why")));
        b.add(new Bullets(r.reasons().stream().map(TEXTS::finding).toList(), false));
        return new Section("summary", t("report.section.summary"), b);
    }

    /** @return modes as rows, the given figures as columns, each with its band; low confidence marked */
    private Table figureTable(List<Metric> metrics) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.left(t("report.col.mode"), 1.6));
        for (Metric x : metrics) {
            cols.add(Column.right(TEXTS.messages().get(dev.kpp.app.text.Keys.metricShort(x)), 1.3));
        }
        List<Row> rows = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (ModePrediction mp : p.modes()) {
            List<String> cells = new ArrayList<>();
            cells.add(modeCell(mp.mode()));
            for (Metric x : metrics) {
                cells.add(cell(x, x.of(mp), notes));
            }
            rows.add(new Row(cells, mp.mode() == r.mode()));
        }
        List<String> n = new ArrayList<>();
        n.add(t("report.note.bands"));
        n.addAll(notes);
        return new Table(cols, rows, true, n);
    }

    private String modeCell(ProxyMode mode) {
        String name = TEXTS.mode(mode);
        if (mode == r.mode()) {
            return name + "\n" + t("report.mode.recommended");
        }
        if (mode == r.current()) {
            return name + "\n" + t("report.mode.current");
        }
        return name;
    }

    /** @return the estimate with its band, marked when its confidence is low (the reason goes to notes) */
    static String cell(Metric x, Estimate e, Set<String> notes) {
        String range = Numbers.shownRange(e, x.unit());
        String text = Numbers.format(e, x.unit()) + (range.isEmpty() ? "" : "\n[" + range + "]");
        if (e.confidence() == Estimate.Confidence.LOW) {
            notes.add(lowNote(x, e));
            return text + LOW_MARK;
        }
        return text;
    }

    static String lowNote(Metric x, Estimate e) {
        return t("report.note.low", TEXTS.label(x), reason(e));
    }

    static String reason(Estimate e) {
        String k = "confidence.reason." + e.reason();
        return e.reason().isEmpty() ? t("report.reason.none") : TEXTS.messages().has(k) ? t(k) : e.reason();
    }

    private Table goNoGo() {
        List<Row> rows = new ArrayList<>();
        Recommendation.RankedMode ranked = r.ranking().stream().filter(x -> x.mode() == r.mode()).findFirst()
                .orElseThrow();
        rows.add(Row.of(t("report.go.budgets"), ranked.meetsBudgets() ? t("report.go.go") : t("report.go.noGo")));
        rows.add(Row.of(t("report.go.blocked"), ranked.blocked() ? t("report.go.noGo") : t("report.go.go")));
        for (Check c : r.checks()) {
            if (c.mode() != r.mode()) {
                continue;
            }
            String word = switch (c.status()) {
                case PASS -> t("report.go.go");
                case WARN -> t("report.go.caveat");
                case BLOCK -> t("report.go.noGo");
                case UNKNOWN -> t("report.go.check");
            };
            rows.add(Row.of(TEXTS.check(c) + (c.nodes().isEmpty() ? "" : " " + TEXTS.nodes(c.nodes())), word));
        }
        long high = r.risks().stream().filter(f -> f.mode() == r.mode() && f.severity() == Finding.Severity.HIGH)
                .count();
        rows.add(Row.of(t("report.go.risks"), high == 0 ? t("report.go.go") : t("report.go.risksHigh",
                Numbers.count(high))));
        return new Table(List.of(Column.left(t("report.col.criterion"), 5), Column.left(t("report.col.verdict"), 1.3)),
                rows, true, List.of());
    }

    // ---------------------------------------------------------------- 2 inventory and provenance

    private Section inventory() {
        List<Block> b = new ArrayList<>();
        if (!m.fromInventory()) {
            b.add(Paragraph.of(m.sample().map(s -> t("report.inventory.sample", s.name(), s.title(), s.source()))
                    .orElse(t("report.inventory.synthetic", m.input().source()))));
            b.add(kv(List.of(
                    new String[] {t("report.kv.services"), Numbers.count(p.scenario().services())},
                    new String[] {t("report.kv.servicePorts"), Numbers.count(p.workload().servicePorts())},
                    new String[] {t("report.kv.endpoints"), Numbers.count(p.workload().endpointPorts())},
                    new String[] {t("report.kv.shares"), t("report.kv.sharesValue",
                            Numbers.share(p.scenario().nodePortShare()), Numbers.share(p.scenario().loadBalancerShare()))},
                    new String[] {t("report.kv.nodes"), t("report.kv.nodesValue", Numbers.count(p.scenario().nodes()),
                            Numbers.number(p.scenario().coresPerNode()))},
                    new String[] {t("report.kv.kernel"), p.scenario().kernel().toString()},
                    new String[] {t("report.kv.kubernetes"), p.scenario().kubernetesVersion().toString()},
                    new String[] {t("report.kv.kubeProxyMode"), r.current() == null ? "" : t("report.kv.modeAssumed",
                            TEXTS.mode(r.current()))})));
            return new Section("inventory", t("report.section.inventory"), b);
        }
        var imp = m.imported();
        InventorySummary s = m.summary();
        b.add(new Heading("inventory-provenance", t("report.inventory.provenance")));
        b.add(kv(List.of(
                new String[] {t("report.kv.source"), m.input().source()},
                new String[] {t("report.kv.importedAt"), DateTimeFormatter.ISO_INSTANT.format(imp.importedAt()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))},
                new String[] {t("report.kv.context"), t("report.kv.contextFiles")},
                new String[] {t("report.kv.inputs"), Numbers.count(imp.sources().size())},
                new String[] {t("report.kv.redacted"), imp.redacted() ? t("report.yes.redacted")
                        : t("report.no.redacted")},
                new String[] {t("report.kv.partial"), imp.cancelled() ? t("report.kv.partialYes") : t("report.no")})));
        if (!imp.sources().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (SourceFile f : imp.sources()) {
                rows.add(Row.of(f.path(), f.kind(), Numbers.bytes(f.bytes()), Numbers.count(f.objects()),
                        f.sha256().isEmpty() ? "–" : f.sha256().substring(0, Math.min(16, f.sha256().length()))));
            }
            b.add(new Table(List.of(Column.left(t("report.col.file"), 3), Column.left(t("report.col.kind"), 1.3),
                    Column.right(t("report.col.size"), 1), Column.right(t("report.col.objects"), 1),
                    Column.left(t("report.col.sha"), 2)), rows, true, List.of(t("report.note.sha"))));
        }
        b.add(new Heading("inventory-cluster", t("report.inventory.cluster")));
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {t("report.kv.name"), imp.inventory().name().isEmpty() ? t("report.unnamed")
                : imp.inventory().name()});
        kv.add(new String[] {t("report.kv.kubernetes"), s.kubernetesVersion().isEmpty() ? t("report.unknown")
                : s.kubernetesVersion()});
        kv.add(new String[] {t("report.kv.kubeProxyMode"), s.configuredMode().map(TEXTS::mode)
                .orElse(t("report.kv.modeUnset"))});
        List<String> types = new ArrayList<>();
        s.servicesByType().forEach((k, v) -> types.add(k + " " + Numbers.count(v)));
        kv.add(new String[] {t("report.kv.services"), t("report.kv.servicesValue", Numbers.count(s.services()),
                String.join(", ", types), Numbers.count(s.headless()))});
        kv.add(new String[] {t("report.kv.proxied"), t("report.kv.proxiedValue", Numbers.count(s.proxied()),
                Numbers.count(s.servicePorts()), Numbers.count(s.nodePorts()), Numbers.count(s.loadBalancerIPs()))});
        kv.add(new String[] {t("report.kv.endpoints"), t("report.kv.endpointsValue",
                Numbers.count(s.endpoints().ready()), Numbers.count(s.endpointSlices()),
                Numbers.count(s.endpoints().listed()))});
        InventorySummary.Distribution d = s.perService();
        kv.add(new String[] {t("report.kv.perService"), t("report.kv.perServiceValue", Numbers.count(d.p50()),
                Numbers.count(d.p90()), Numbers.count(d.p99()), Numbers.count(d.max()), Numbers.number(d.mean()))});
        kv.add(new String[] {t("report.kv.nodes"), t("report.kv.nodesCores", Numbers.count(s.nodes()),
                Numbers.number(s.totalCores()))});
        kv.add(new String[] {t("report.kv.kernels"), counts(s.kernels())});
        kv.add(new String[] {t("report.kv.kubelets"), counts(s.kubeletVersions())});
        kv.add(new String[] {t("report.kv.namespaces"), t("report.kv.namespacesValue", Numbers.count(s.namespaces()),
                Numbers.count(s.networkPolicies()))});
        b.add(kv(kv));
        if (!s.notes().isEmpty()) {
            b.add(new Bullets(s.notes().stream().map(TEXTS::note).toList(), false));
        }
        if (!imp.problems().isEmpty()) {
            b.add(new Heading("inventory-problems", t("report.inventory.problems", Numbers.count(imp.errors().size()),
                    Numbers.count(imp.warnings().size()))));
            List<String> lines = new ArrayList<>();
            for (ImportProblem pr : imp.problems().subList(0, Math.min(MAX_PROBLEMS, imp.problems().size()))) {
                lines.add(TEXTS.problem(pr));
            }
            if (imp.problems().size() > MAX_PROBLEMS) {
                lines.add(t("report.inventory.moreProblems", Numbers.count(imp.problems().size() - MAX_PROBLEMS)));
            }
            b.add(new Bullets(lines, false));
        }
        return new Section("inventory", t("report.section.inventory"), b);
    }

    private static String counts(Map<String, Long> m) {
        if (m.isEmpty()) {
            return t("report.unknown");
        }
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(t("report.kv.countOf", k, Numbers.count(v))));
        return String.join(", ", parts);
    }

    private static Table kv(List<String[]> pairs) {
        List<Row> rows = new ArrayList<>();
        for (String[] pair : pairs) {
            rows.add(Row.of(pair));
        }
        return new Table(List.of(Column.left(t("report.col.item"), 1.2), Column.left(t("report.col.value"), 3.5)),
                rows, false, List.of());
    }

    // ---------------------------------------------------------------- 3 assumptions and model

    private Section model() {
        List<Block> b = new ArrayList<>();
        b.add(new Heading("model-assumptions", t("report.model.assumptions")));
        List<String> assumed = new ArrayList<>();
        m.planInput().assumptions().forEach(a -> assumed.add(TEXTS.assumption(a)));
        assumed.add(t("report.model.assumeTraffic", Numbers.number(p.scenario().requestsPerSecond()),
                Numbers.number(p.scenario().requestsPerConnection()),
                Numbers.number(p.scenario().endpointChangesPerSecond())));
        assumed.add(t("report.model.assumeLayout"));
        b.add(new Bullets(assumed, false));
        List<String> warnings = PredictionFormats.warningLines(p.warnings());
        if (!warnings.isEmpty()) {
            b.add(new Heading("model-warnings", t("report.model.warnings")));
            b.add(new Bullets(warnings, false));
        }
        b.add(new Heading("model-calibration", t("report.model.calibration")));
        b.add(Paragraph.of(t("report.model.calibrationText", AppInfo.version(), m.calibration().origin(), r.table())));
        List<Row> rows = new ArrayList<>();
        for (FitReport f : m.calibration().reports()) {
            rows.add(Row.of(f.id(), f.title(), Numbers.count(f.usedRows().size()), factor(f.inSampleMedianFactor()),
                    factor(f.looMedianFactor()), factor(f.looWorstFactor()),
                    factor(m.calibration().bandFactor(f.id()))));
        }
        b.add(new Table(List.of(Column.left(t("report.col.model"), 1.6), Column.left(t("report.col.title"), 3),
                Column.right(t("report.col.points"), 0.8), Column.right(t("report.col.fitMedian"), 1),
                Column.right(t("report.col.looMedian"), 1), Column.right(t("report.col.looWorst"), 1),
                Column.right(t("report.col.band"), 1)), rows, true, List.of(t("report.note.factor"))));
        b.add(new Heading("model-confidence", t("report.model.confidence")));
        List<Row> low = new ArrayList<>();
        for (ModePrediction mp : p.modes()) {
            for (Metric x : MetricCatalog.all()) {
                Estimate e = x.of(mp);
                if (e.confidence() == Estimate.Confidence.LOW) {
                    low.add(Row.of(TEXTS.mode(mp.mode()), TEXTS.label(x), Numbers.band(e, x.unit()), reason(e)));
                }
            }
        }
        if (low.isEmpty()) {
            b.add(Paragraph.of(t("report.model.noLow")));
        } else {
            b.add(Paragraph.of(t("report.model.lowIntro")));
            b.add(new Table(List.of(Column.left(t("report.col.mode"), 1), Column.left(t("report.col.figure"), 1.6),
                    Column.right(t("report.col.estimate"), 1.6), Column.left(t("report.col.reason"), 2)), low, true,
                    List.of()));
        }
        return new Section("model", t("report.section.model"), b);
    }

    private static String factor(double f) {
        return Double.isNaN(f) ? "–" : "×" + String.format(Locale.ROOT, "%.2f", f);
    }

    // ---------------------------------------------------------------- 4 per-mode results

    private Section results() {
        List<Block> b = new ArrayList<>();
        b.add(Paragraph.of(t("report.results.intro")));
        List<Column> cols = new ArrayList<>();
        cols.add(Column.left(t("report.col.figure"), 1.8));
        for (ModePrediction mp : p.modes()) {
            cols.add(Column.right(modeCell(mp.mode()), 1.3));
        }
        List<Row> rows = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        for (Metric x : MetricCatalog.all()) {
            List<String> cells = new ArrayList<>();
            cells.add(TEXTS.label(x));
            for (ModePrediction mp : p.modes()) {
                cells.add(cell(x, x.of(mp), notes));
            }
            rows.add(new Row(cells, false));
        }
        List<String> n = new ArrayList<>();
        n.add(t("report.note.bandsAll"));
        n.addAll(notes);
        b.add(new Table(cols, rows, true, n));
        b.add(new Heading("results-calico", t("report.results.calico")));
        b.add(Paragraph.of(t("report.results.calicoText", Numbers.number(p.calicoRulesPerConnection()),
                Numbers.count(p.scenario().podsPerNode()), Numbers.number(p.scenario().policiesPerPod()),
                Numbers.band(p.calicoAddedLatencyMs(), Unit.MILLISECONDS), Numbers.band(p.calicoCpuCores(),
                        Unit.CORES))));
        b.add(new Heading("results-ranking", t("report.results.ranking")));
        List<Row> ranking = new ArrayList<>();
        for (Recommendation.RankedMode x : r.ranking()) {
            ranking.add(new Row(List.of(TEXTS.mode(x.mode()) + (x.comparison() ? t("report.ranking.comparison") : ""),
                    Numbers.number(x.score()), x.meetsBudgets() ? t("report.yes") : t("report.no"),
                    x.blocked() ? t("report.yes") : t("report.no"), Numbers.count(x.risks().size())),
                    x.mode() == r.mode()));
        }
        b.add(new Table(List.of(Column.left(t("report.col.mode"), 2), Column.right(t("report.col.score"), 1),
                Column.left(t("report.col.meets"), 1.2), Column.left(t("report.col.blocked"), 1),
                Column.right(t("report.col.risks"), 1)), ranking, true, List.of(t("report.note.score"))));
        return new Section("results", t("report.section.results"), b);
    }

    // ---------------------------------------------------------------- 5 growth and crossovers

    /** @return the figures charted: the budgeted ones and the catalogue's charts, in catalogue order */
    static List<Metric> chartMetrics(Plan plan) {
        List<Metric> out = new ArrayList<>();
        for (Metric x : MetricCatalog.chartable()) {
            if (CHARTS.contains(x) || plan.budgets().limit(x).isPresent()) {
                out.add(x);
            }
        }
        return out;
    }

    private Section growth() {
        List<Block> b = new ArrayList<>();
        b.add(Paragraph.of(t("report.growth.intro", Numbers.count(p.scenario().services()),
                Numbers.tick(plan.growth().values()[0]),
                Numbers.tick(plan.growth().values()[plan.growth().size() - 1]))));
        int n = 1;
        for (Metric x : chartMetrics(plan)) {
            b.add(new Figure(chart(x), "growth-" + x.key(), t("report.growth.caption", n++, TEXTS.label(x))));
        }
        b.add(new Heading("growth-crossings", t("report.growth.crossings")));
        List<String> cross = RecommendationFormats.crossLines(r);
        b.add(cross.isEmpty() ? Paragraph.of(t("report.growth.noCrossings")) : new Bullets(cross, false));
        List<Row> rows = new ArrayList<>();
        for (Recommendation.Threshold th : r.thresholds()) {
            Recommendation.GrowthDate g = r.growth().stream().filter(x -> x.threshold() == th).findFirst()
                    .orElse(null);
            rows.add(Row.of(th.axis().equals("services") ? t("report.axis.services") : t("report.axis.endpoints"),
                    TEXTS.label(th.metric()), TEXTS.mode(th.mode()),
                    th.isBudget() ? t("report.crossing.budget", fmt(th.metric(), th.budget().orElse(0)))
                            : TEXTS.mode(th.other()), th.rising() ? t("report.crossing.rises") : t("report.crossing.falls"),
                    Numbers.services(th.at()), g == null ? "–" : g.date().toString()));
        }
        if (!rows.isEmpty()) {
            b.add(new Heading("growth-all", t("report.growth.all")));
            b.add(new Table(List.of(Column.left(t("report.col.axis"), 1.2), Column.left(t("report.col.figure"), 1.6),
                    Column.left(t("report.col.mode"), 1), Column.left(t("report.col.crosses"), 1.3),
                    Column.left(t("report.col.direction"), 0.9), Column.right(t("report.col.at"), 0.9),
                    Column.right(t("report.col.date"), 1.1)), rows, true, List.of()));
        }
        return new Section("growth", t("report.section.growth"), b);
    }

    /** @return the chart of one figure against Services */
    LineChart chart(Metric x) {
        SweepResult g = plan.growth();
        double[] xs = g.values();
        List<LineChart.Series> series = new ArrayList<>();
        for (ModePrediction mp : p.modes()) {
            Estimate[] es = g.estimates(x, mp.mode());
            double[] y = new double[es.length];
            double[] lo = new double[es.length];
            double[] hi = new double[es.length];
            boolean spread = false;
            for (int i = 0; i < es.length; i++) {
                y[i] = es[i].value();
                lo[i] = es[i].low();
                hi[i] = es[i].high();
                spread |= es[i].hasSpread();
            }
            boolean low = x.of(mp).confidence() == Estimate.Confidence.LOW;
            series.add(new LineChart.Series(TEXTS.mode(mp.mode()) + (low ? t("report.chart.low") : ""),
                    Palette.mode(mp.mode()), xs, y, spread ? lo : null, spread ? hi : null, low));
        }
        List<LineChart.Level> budgets = new ArrayList<>();
        plan.budgets().limit(x).ifPresent(v -> budgets.add(new LineChart.Level(v, t("report.chart.budget",
                fmt(x, v)))));
        LineChart.Marker now = new LineChart.Marker(p.scenario().services(), t("report.chart.now",
                Numbers.count(p.scenario().services())));
        List<LineChart.Point> points = new ArrayList<>();
        Set<ProxyMode> shown = EnumSet.of(r.mode(), r.current());
        for (Crossover c : plan.crossovers(x)) {
            if (points.size() >= MAX_POINTS) {
                break;
            }
            if (!c.isBudget() && !(shown.contains(c.mode()) || shown.contains(c.other()))) {
                continue;
            }
            String note = c.isBudget()
                    ? t(c.rising() ? "report.chart.crossBudgetUp" : "report.chart.crossBudgetDown", TEXTS.mode(c.mode()),
                    fmt(x, c.budget().orElse(0)), Numbers.services(c.services()))
                    : t("report.chart.crossMode", TEXTS.mode(c.rising() ? c.mode() : c.other()),
                    TEXTS.mode(c.rising() ? c.other() : c.mode()), Numbers.services(c.services()), fmt(x, c.value()));
            points.add(new LineChart.Point(c.services(), c.value(), c.isBudget() ? Palette.BUDGET
                    : Palette.mode(c.rising() ? c.mode() : c.other()), note));
        }
        String unit = TEXTS.messages().get(dev.kpp.app.text.Keys.unit(x.unit()));
        return new LineChart(t("report.chart.title", TEXTS.label(x)), t("report.chart.x"),
                t("report.chart.y", TEXTS.label(x), unit), x.logY(), series, budgets, now, points, Numbers::tick,
                v -> fmt(x, v));
    }

    static String fmt(Metric x, double v) {
        return Numbers.format(v, x.unit(), false);
    }

    // ---------------------------------------------------------------- 6 sensitivity

    private Section sensitivity() {
        List<Block> b = new ArrayList<>();
        String share = Numbers.share(r.sensitivityShare());
        b.add(Paragraph.of(t("report.sensitivity.intro", share)));
        List<Recommendation.Bar> bars = RecommendationFormats.topBars(r);
        if (bars.isEmpty()) {
            b.add(Paragraph.of(t("report.sensitivity.none")));
        } else {
            List<TornadoChart.Bar> tb = new ArrayList<>();
            List<Row> rows = new ArrayList<>();
            for (Recommendation.Bar x : bars) {
                double base = x.base();
                tb.add(new TornadoChart.Bar(TEXTS.field(x.input()), t("report.sensitivity.sub", TEXTS.mode(x.mode()),
                        TEXTS.label(x.metric()), fmt(x.metric(), base)), base == 0 ? 0 : (x.atLow() - base) / Math.abs(base),
                        base == 0 ? 0 : (x.atHigh() - base) / Math.abs(base), fmt(x.metric(), x.atLow()),
                        fmt(x.metric(), x.atHigh())));
                rows.add(Row.of(TEXTS.field(x.input()), TEXTS.mode(x.mode()), TEXTS.label(x.metric()),
                        inputValue(x.input(), x.inputLow()) + " → " + fmt(x.metric(), x.atLow()),
                        fmt(x.metric(), base), inputValue(x.input(), x.inputHigh()) + " → " + fmt(x.metric(), x.atHigh())));
            }
            b.add(new Figure(new TornadoChart(t("report.sensitivity.title", TEXTS.mode(r.mode()), TEXTS.mode(r.current())),
                    t("report.sensitivity.lowered", share), t("report.sensitivity.raised", share),
                    t("report.sensitivity.axis"), tb), "sensitivity", t("report.sensitivity.caption")));
            b.add(new Table(List.of(Column.left(t("report.col.input"), 1.5), Column.left(t("report.col.mode"), 0.9),
                    Column.left(t("report.col.figure"), 1.3), Column.right(t("report.col.atLow", share), 1.5),
                    Column.right(t("report.col.base"), 0.9), Column.right(t("report.col.atHigh", share), 1.5)), rows,
                    true, List.of()));
        }
        b.add(new Heading("sensitivity-flips", t("report.sensitivity.flips")));
        b.add(r.flips().isEmpty() ? Paragraph.of(t("report.sensitivity.noFlips"))
                : new Bullets(r.flips().stream().map(RecommendationFormats::flip).toList(), false));
        return new Section("sensitivity", t("report.section.sensitivity"), b);
    }

    private static String inputValue(String input, double v) {
        return input.endsWith("Share") ? Numbers.share(v) : Numbers.number(v);
    }

    // ---------------------------------------------------------------- 7 risks and compatibility

    private Section risks() {
        List<Block> b = new ArrayList<>();
        b.add(new Heading("risks-risks", t("report.risks.risks")));
        if (r.risks().isEmpty()) {
            b.add(Paragraph.of(t("report.risks.none")));
        } else {
            List<Row> rows = new ArrayList<>();
            for (Finding f : r.risks()) {
                rows.add(new Row(List.of(TEXTS.severity(f.severity()), f.mode() == null ? "" : TEXTS.mode(f.mode()),
                        TEXTS.finding(f)), f.severity() == Finding.Severity.HIGH));
            }
            b.add(new Table(List.of(Column.left(t("report.col.severity"), 0.8), Column.left(t("report.col.mode"), 0.9),
                    Column.left(t("report.col.risk"), 6)), rows, true, List.of()));
        }
        b.add(new Heading("risks-compatibility", t("report.risks.compatibility", r.table())));
        List<Row> rows = new ArrayList<>();
        for (Check c : r.checks()) {
            rows.add(new Row(List.of(TEXTS.mode(c.mode()), TEXTS.check(c) + (c.nodes().isEmpty() ? ""
                    : " " + TEXTS.nodes(c.nodes())), TEXTS.status(c.status()), c.source()),
                    c.status() == Check.Status.BLOCK));
        }
        b.add(new Table(List.of(Column.left(t("report.col.mode"), 0.9), Column.left(t("report.col.requirement"), 4),
                Column.left(t("report.col.status"), 1.1), Column.left(t("report.col.source"), 1.6)), rows, true,
                List.of()));
        return new Section("risks", t("report.section.risks"), b);
    }

    // ---------------------------------------------------------------- 8 migration and rollback

    private Section migration() {
        List<Block> b = new ArrayList<>();
        MigrationPlan mp = r.migration();
        if (mp == null) {
            b.add(Paragraph.of(t("report.migration.none", TEXTS.mode(r.mode()))));
            return new Section("migration", t("report.section.migration"), b);
        }
        b.add(Paragraph.of(mp.from() == mp.to() ? t("report.migration.pin", TEXTS.mode(mp.to()))
                : t("report.migration.switch", TEXTS.mode(mp.from()), TEXTS.mode(mp.to()))));
        steps(b, "migration-before", t("report.migration.before"), mp.prerequisites());
        b.add(new Heading("migration-diff", t("report.migration.diff")));
        b.add(new Code(mp.configDiff(), "diff"));
        steps(b, "migration-rollout", t("report.migration.rollout"), mp.rollout());
        steps(b, "migration-verify", t("report.migration.verify"), mp.verify());
        steps(b, "migration-rollback", t("report.migration.rollback"), mp.rollback());
        return new Section("migration", t("report.section.migration"), b);
    }

    private static void steps(List<Block> b, String id, String title, List<MigrationPlan.Step> steps) {
        b.add(new Heading(id, title));
        int n = 1;
        for (MigrationPlan.Step s : steps) {
            b.add(new Paragraph(n++ + ".", TEXTS.step(s), ReportDocument.Style.BODY));
            if (!s.commands().isEmpty()) {
                b.add(new Code(s.commands(), "sh"));
            }
        }
    }

    // ---------------------------------------------------------------- 9 monitoring

    private Section monitoring() {
        List<Block> b = new ArrayList<>();
        MigrationPlan mp = r.migration();
        if (mp == null || mp.monitoring().isEmpty()) {
            b.add(Paragraph.of(t("report.monitoring.none")));
        } else {
            b.add(Paragraph.of(t("report.monitoring.intro")));
            List<Row> rows = new ArrayList<>();
            for (MigrationPlan.Monitor mo : mp.monitoring()) {
                rows.add(Row.of(mo.metric(), RecommendationFormats.monitorValue(mo),
                        TEXTS.messages().get(dev.kpp.app.text.Keys.monitorBasis(mo.basis()))));
            }
            b.add(new Table(List.of(Column.left(t("report.col.alert"), 3.2), Column.right(t("report.col.above"), 0.9),
                    Column.left(t("report.col.because"), 2.4)), rows, true, List.of()));
        }
        return new Section("monitoring", t("report.section.monitoring"), b);
    }

    // ---------------------------------------------------------------- appendices

    private Section appendixModes() {
        List<Block> b = new ArrayList<>();
        b.add(Paragraph.of(t("report.appendix.modesIntro")));
        for (ModePrediction mp : p.modes()) {
            b.add(new Heading("appendix-" + mp.mode().id(), TEXTS.mode(mp.mode())));
            List<Row> rows = new ArrayList<>();
            Set<String> notes = new LinkedHashSet<>();
            for (Metric x : MetricCatalog.all()) {
                Estimate e = x.of(mp);
                String range = Numbers.shownRange(e, x.unit());
                rows.add(Row.of(TEXTS.label(x), Numbers.format(e, x.unit()), range.isEmpty() ? "–" : range,
                        confidence(e)));
            }
            b.add(new Table(List.of(Column.left(t("report.col.figure"), 2.2), Column.right(t("report.col.value"), 1.2),
                    Column.right(t("report.col.band90"), 1.5), Column.left(t("report.col.confidence"), 2.2)), rows,
                    true, List.copyOf(notes)));
            ModeStructure s = mp.structure();
            List<String> parts = new ArrayList<>();
            s.counts().forEach((k, v) -> parts.add(k + " " + Numbers.count(v)));
            List<String> lines = new ArrayList<>();
            lines.add(t("report.appendix.counts", String.join(", ", parts)));
            if (!s.breakdown().isEmpty()) {
                List<String> br = new ArrayList<>();
                s.breakdown().forEach((k, v) -> br.add(k + " " + Numbers.count(v)));
                lines.add(t("report.appendix.breakdown", String.join(", ", br)));
            }
            var ct = mp.costs().conntrack();
            lines.add(t("report.appendix.conntrack", Numbers.count(ct.entries()), Numbers.count(ct.max()),
                    Numbers.count(ct.entriesLow()), Numbers.count(ct.entriesHigh())));
            lines.add(t("report.appendix.cpu", Numbers.cores(mp.costs().cpuDataPlaneCores()),
                    Numbers.cores(mp.costs().cpuControlPlaneCores())));
            lines.add(t("report.appendix.basis", mp.costs().benchmarkIds().isEmpty() ? t("report.appendix.noBasis")
                    : String.join(", ", mp.costs().benchmarkIds())));
            b.add(new Bullets(lines, false));
        }
        return new Section("appendix-modes", t("report.section.appendixModes"), b);
    }

    private static String confidence(Estimate e) {
        return switch (e.confidence()) {
            case EXACT -> t("report.confidence.exact");
            case HIGH -> t("report.confidence.high");
            case LOW -> t("report.confidence.low", reason(e));
        };
    }

    private Section appendixInputs() {
        List<Block> b = new ArrayList<>();
        ScenarioParams s = p.scenario();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("services", Numbers.count(s.services()));
        v.put("portsPerService", Numbers.count(s.portsPerService()));
        v.put("endpointsPerService", Numbers.count(s.endpointsPerService()));
        v.put("nodePortShare", Numbers.share(s.nodePortShare()));
        v.put("loadBalancerShare", Numbers.share(s.loadBalancerShare()));
        v.put("externalLocalShare", Numbers.share(s.externalLocalShare()));
        v.put("affinityShare", Numbers.share(s.affinityShare()));
        v.put("nodes", Numbers.count(s.nodes()));
        v.put("coresPerNode", Numbers.number(s.coresPerNode()));
        v.put("requestsPerSecond", Numbers.number(s.requestsPerSecond()));
        v.put("requestsPerConnection", Numbers.number(s.requestsPerConnection()));
        v.put("endpointChangesPerSecond", Numbers.number(s.endpointChangesPerSecond()));
        v.put("kernel", s.kernel().toString());
        v.put("kubernetesVersion", s.kubernetesVersion().toString());
        v.put("syncPeriodSeconds", Numbers.duration(s.syncPeriodSeconds()));
        v.put("minSyncPeriodSeconds", Numbers.duration(s.minSyncPeriodSeconds()));
        v.put("podsPerNode", Numbers.count(s.podsPerNode()));
        v.put("policiesPerPod", Numbers.number(s.policiesPerPod()));
        List<Row> rows = new ArrayList<>();
        v.forEach((k, val) -> rows.add(Row.of(TEXTS.field(k), val, k)));
        rows.add(Row.of(t("report.input.masquerade"), s.masqueradeAll() ? t("report.yes") : t("report.no"),
                "masqueradeAll"));
        rows.add(Row.of(t("report.input.localDetector"), s.localDetector() ? t("report.yes") : t("report.no"),
                "localDetector"));
        rows.add(Row.of(t("report.input.conntrack"), t("report.input.conntrackValue",
                Numbers.count(s.conntrack().maxPerCore()), Numbers.count(s.conntrack().min()),
                Numbers.duration(s.conntrack().tcpEstablishedTimeoutSeconds()),
                Numbers.duration(s.conntrack().tcpTimeWaitTimeoutSeconds())), "conntrack"));
        rows.add(Row.of(t("report.input.newConnections"), Numbers.number(s.newConnectionsPerSecond()),
                "newConnectionsPerSecond"));
        b.add(new Table(List.of(Column.left(t("report.col.input"), 2), Column.right(t("report.col.value"), 1.5),
                Column.left(t("report.col.key"), 1.6)), rows, true, List.of()));
        b.add(new Heading("appendix-advice", t("report.appendix.adviceInputs")));
        b.add(kv(List.of(new String[] {t("report.fact.budgets"), RecommendationFormats.budgets(r)},
                new String[] {t("report.fact.growth"), growthText()},
                new String[] {t("report.input.sensitivity"), Numbers.share(m.input().sensitivity())},
                new String[] {t("report.input.currentMode"), m.input().currentMode().map(TEXTS::mode)
                        .orElse(t("report.input.currentModeUnset", TEXTS.mode(r.current())))},
                new String[] {t("report.fact.date"), m.input().date().toString()})));
        b.add(new Heading("appendix-reproduce", t("report.appendix.reproduce")));
        b.add(Paragraph.of(t("report.appendix.reproduceText", ReportInputCodec.FILE, ReportInputCodec.INVENTORY_FILE)));
        b.add(new Code(List.of("kpp report --from report.pdf -o again.pdf", "kpp report --from report.pdf -o again.md"),
                "sh"));
        return new Section("appendix-inputs", t("report.section.appendixInputs"), b);
    }

    private Section glossary() {
        List<Row> rows = new ArrayList<>();
        for (int i = 1; TEXTS.messages().has("report.glossary." + i + ".term"); i++) {
            rows.add(Row.of(t("report.glossary." + i + ".term"), t("report.glossary." + i + ".text")));
        }
        return new Section("glossary", t("report.section.glossary"), List.of(new Table(List.of(
                Column.left(t("report.col.term"), 1.2), Column.left(t("report.col.meaning"), 5)), rows, true,
                List.of())));
    }
}
