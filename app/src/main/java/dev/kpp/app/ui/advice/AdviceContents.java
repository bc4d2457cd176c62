package dev.kpp.app.ui.advice;

import dev.kpp.app.report.RecommendationFormats;
import dev.kpp.app.text.AppInfo;
import dev.kpp.app.text.Numbers;
import dev.kpp.app.text.Texts;
import dev.kpp.app.ui.chart.PlotData;
import dev.kpp.app.ui.chart.TornadoData;
import dev.kpp.model.advice.Check;
import dev.kpp.model.advice.Finding;
import dev.kpp.model.advice.Growth;
import dev.kpp.model.advice.MigrationPlan;
import dev.kpp.model.advice.Recommendation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words a {@link Recommendation} for the Advice panel. Every sentence comes from the formatters the CLI,
 * its JSON and Markdown use ({@link Texts} and {@link RecommendationFormats}); this class only picks them
 * and shapes the charts' data, so the panel cannot say anything the CLI does not.
 */
final class AdviceContents {
    /** The growth chart's furthest end, in months (25 years). */
    static final double MAX_MONTHS = 300;
    /** Points of the growth curve. */
    private static final int CURVE_POINTS = 121;

    private final Texts texts;

    AdviceContents(Texts texts) {
        this.texts = texts;
    }

    private String text(String key, Object... args) {
        return texts.messages().get(key, args);
    }

    /**
     * @param r        the recommendation
     * @param source   the scenario's source label
     * @param growth   the growth rate, if any
     * @param horizon  months the budgets must hold
     * @param today    the date growth counts from
     * @param services the Services today
     */
    AdviceContent build(Recommendation r, String source, Optional<Growth> growth, double horizon, LocalDate today,
                        long services) {
        List<String> summary = List.of(text("advice.panel.summary.scenario", source),
                text("advice.panel.summary.budgets", RecommendationFormats.budgets(r)),
                text("advice.panel.summary.growth", growthText(growth, horizon)),
                text("advice.panel.summary.table", r.table(), AppInfo.version()));
        List<AdviceContent.Ranked> ranking = new ArrayList<>();
        for (Recommendation.RankedMode m : r.ranking()) {
            ranking.add(new AdviceContent.Ranked(m.mode(), texts.mode(m.mode()), Numbers.number(m.score()),
                    Math.max(0, Math.min(1, m.score() / 100)), m.mode() == r.mode(), badges(r, m),
                    m.reasons().stream().map(texts::finding).toList(), risks(m.risks())));
        }
        List<AdviceContent.CheckRow> checks = new ArrayList<>();
        for (Check c : r.checks()) {
            checks.add(new AdviceContent.CheckRow(texts.mode(c.mode()), texts.check(c),
                    new AdviceContent.Badge(texts.status(c.status()), tone(c.status()))));
        }
        String share = RecommendationFormats.sensitivityShare(r);
        return new AdviceContent(texts.action(r), r.action() == Recommendation.Action.SWITCH,
                text("advice.panel.certainty", texts.certainty(r.certainty())), tone(r.certainty()), summary,
                r.reasons().stream().map(texts::finding).toList(), ranking, risks(r.risks()), checks,
                RecommendationFormats.crossLines(r), growthChart(r, growth, horizon, today, services),
                growthNote(r, growth, horizon), tornado(r), text("report.sensitivity.intro", share),
                r.flips().stream().map(RecommendationFormats::flip).toList(), migration(r.migration()));
    }

    private List<AdviceContent.Risk> risks(List<Finding> findings) {
        return findings.stream().map(f -> new AdviceContent.Risk(new AdviceContent.Badge(texts.severity(f.severity()),
                tone(f.severity())), texts.finding(f))).toList();
    }

    private List<AdviceContent.Badge> badges(Recommendation r, Recommendation.RankedMode m) {
        List<AdviceContent.Badge> out = new ArrayList<>();
        if (m.mode() == r.mode()) {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.recommended"), AdviceContent.Tone.FINE));
        }
        if (m.mode() == r.current()) {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.current"), AdviceContent.Tone.NEUTRAL));
        }
        if (m.comparison()) {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.comparison"), AdviceContent.Tone.NEUTRAL));
        }
        if (m.blocked()) {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.blocked"), AdviceContent.Tone.SEVERE));
        } else if (m.meetsBudgets()) {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.meets"), AdviceContent.Tone.FINE));
        } else {
            out.add(new AdviceContent.Badge(text("advice.panel.badge.misses"), AdviceContent.Tone.CAUTION));
        }
        return out;
    }

    static AdviceContent.Tone tone(Finding.Severity s) {
        return switch (s) {
            case INFO -> AdviceContent.Tone.NEUTRAL;
            case LOW, MEDIUM -> AdviceContent.Tone.CAUTION;
            case HIGH -> AdviceContent.Tone.SEVERE;
        };
    }

    static AdviceContent.Tone tone(Check.Status s) {
        return switch (s) {
            case PASS -> AdviceContent.Tone.FINE;
            case WARN, UNKNOWN -> AdviceContent.Tone.CAUTION;
            case BLOCK -> AdviceContent.Tone.SEVERE;
        };
    }

    static AdviceContent.Tone tone(Recommendation.Certainty c) {
        return switch (c) {
            case HIGH -> AdviceContent.Tone.FINE;
            case MEDIUM -> AdviceContent.Tone.CAUTION;
            case LOW -> AdviceContent.Tone.SEVERE;
        };
    }

    private String growthText(Optional<Growth> growth, double horizon) {
        if (growth.isEmpty()) {
            return text("report.growth.none");
        }
        Growth g = growth.get();
        String rate = g instanceof Growth.Linear l ? text("report.growth.linear", Numbers.number(l.servicesPerMonth()))
                : text("report.growth.compound", Numbers.share(((Growth.Compound) g).sharePerMonth()));
        return text("report.growth.rate", rate, Numbers.number(horizon));
    }

    // ------------------------------------------------------------------ the growth chart

    /** @return the crossings the chart marks: the dated ones the text speaks of */
    private static List<Recommendation.GrowthDate> dated(Recommendation r) {
        List<Recommendation.Threshold> concerned = RecommendationFormats.concerned(r);
        return r.growth().stream().filter(g -> concerned.contains(g.threshold())).toList();
    }

    /** @return the chart's span in months: the horizon, stretched to show the dated crossings (25 years at most) */
    static double span(Recommendation r, double horizon) {
        double furthest = dated(r).stream().mapToDouble(Recommendation.GrowthDate::months).max().orElse(0);
        double span = Math.max(horizon, Math.min(MAX_MONTHS, furthest * 1.12));
        return span > 0 ? span : 12;
    }

    private PlotData growthChart(Recommendation r, Optional<Growth> growth, double horizon, LocalDate today,
                                 long services) {
        if (growth.isEmpty()) {
            return null;
        }
        Growth g = growth.get();
        double span = span(r, horizon);
        double[] x = new double[CURVE_POINTS];
        double[] y = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            x[i] = span * i / (CURVE_POINTS - 1);
            y[i] = g.servicesAfter(services, x[i]);
        }
        List<PlotData.Threshold> lines = new ArrayList<>();
        List<PlotData.Annotation> points = new ArrayList<>();
        for (Recommendation.GrowthDate d : dated(r)) {
            if (d.months() > span) {
                continue;
            }
            Recommendation.Threshold t = d.threshold();
            lines.add(new PlotData.Threshold(t.isBudget()
                    ? text("advice.panel.growth.budget", texts.mode(t.mode()), texts.label(t.metric()),
                    RecommendationFormats.figure(t.metric(), t.budget().orElse(0)))
                    : text("advice.panel.growth.mode", texts.mode(t.mode()), texts.mode(t.other()),
                    texts.label(t.metric())), t.at()));
            points.add(new PlotData.Annotation(d.months(), t.at(), d.date().toString()));
        }
        PlotData.Format count = new PlotData.Format() {
            @Override
            public String tick(double v) {
                return Numbers.tick(v);
            }

            @Override
            public String value(double v) {
                return Numbers.count(v);
            }
        };
        return new PlotData(text("advice.panel.growth.title"), text("advice.panel.growth.xLabel"),
                text("advice.panel.growth.yLabel"), false, 0, span,
                List.of(PlotData.Series.line(text("advice.panel.growth.series"), "advice-growth", x, y, null, null,
                        null)), 0, text("advice.panel.growth.today", Numbers.count(services)), lines, points,
                new DateAxis(today, span), count, "", false);
    }

    private String growthNote(Recommendation r, Optional<Growth> growth, double horizon) {
        if (growth.isEmpty()) {
            return text("advice.panel.growth.none");
        }
        List<Recommendation.GrowthDate> dated = dated(r);
        if (dated.isEmpty()) {
            return text("advice.panel.growth.noDates", texts.mode(r.mode()), texts.mode(r.current()));
        }
        double span = span(r, horizon);
        long beyond = dated.stream().filter(d -> d.months() > span).count();
        return beyond == 0 ? "" : text("advice.panel.growth.beyond", Numbers.count(beyond), Numbers.number(span));
    }

    /** A date axis: x is months from today; ticks at month (or year) starts, read as ISO dates. */
    static final class DateAxis implements PlotData.Format {
        private static final int[] STEPS = {1, 2, 3, 6, 12, 24, 36, 60};
        private final LocalDate today;
        private final int step;

        DateAxis(LocalDate today, double span) {
            this.today = today;
            int s = STEPS[STEPS.length - 1];
            for (int candidate : STEPS) {
                if (span / candidate <= 7) {
                    s = candidate;
                    break;
                }
            }
            this.step = s;
        }

        LocalDate date(double months) {
            return today.plusDays(Math.round(months * Growth.DAYS_PER_MONTH));
        }

        double months(LocalDate d) {
            return ChronoUnit.DAYS.between(today, d) / Growth.DAYS_PER_MONTH;
        }

        @Override
        public String tick(double v) {
            String iso = date(v).toString();
            return step >= 12 ? iso.substring(0, 4) : iso.substring(0, 7);
        }

        @Override
        public String value(double v) {
            return date(v).toString();
        }

        @Override
        public List<Double> ticks(double min, double max) {
            LocalDate first = today.withDayOfMonth(1).plusMonths(1);
            if (step >= 12) {
                first = today.withDayOfYear(1).plusYears(1);
            } else {
                while (first.getMonthValue() % step != 1 % step) {
                    first = first.plusMonths(1);
                }
            }
            List<Double> out = new ArrayList<>();
            for (LocalDate d = first; months(d) <= max + 1e-9; d = d.plusMonths(step)) {
                if (months(d) >= min - 1e-9) {
                    out.add(months(d));
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ sensitivity and migration

    private TornadoData tornado(Recommendation r) {
        List<Recommendation.Bar> bars = RecommendationFormats.topBars(r);
        if (bars.isEmpty()) {
            return null;
        }
        List<TornadoData.Bar> out = new ArrayList<>();
        for (Recommendation.Bar b : bars) {
            double base = b.base();
            out.add(new TornadoData.Bar(texts.field(b.input()), text("report.sensitivity.sub", texts.mode(b.mode()),
                    texts.label(b.metric()), RecommendationFormats.figure(b.metric(), base)),
                    base == 0 ? 0 : (b.atLow() - base) / Math.abs(base), base == 0 ? 0 : (b.atHigh() - base) / Math.abs(base),
                    RecommendationFormats.figure(b.metric(), b.atLow()),
                    RecommendationFormats.figure(b.metric(), b.atHigh())));
        }
        String share = RecommendationFormats.sensitivityShare(r);
        PlotData.Format change = new PlotData.Format() {
            @Override
            public String tick(double v) {
                return v > 0 ? "+" + Numbers.share(v) : v < 0 ? "−" + Numbers.share(-v) : Numbers.share(0);
            }

            @Override
            public String value(double v) {
                return tick(v);
            }
        };
        return new TornadoData(text("report.sensitivity.lowered", share), text("report.sensitivity.raised", share),
                text("report.sensitivity.axis"), change, out);
    }

    private AdviceContent.Migration migration(MigrationPlan m) {
        if (m == null) {
            return null;
        }
        String title = m.from() == m.to() ? text("advice.panel.migration.pin", texts.mode(m.to()))
                : text("advice.panel.migration.switch", texts.mode(m.from()), texts.mode(m.to()));
        return new AdviceContent.Migration(title, steps(m.prerequisites()), m.configDiff(), steps(m.rollout()),
                steps(m.verify()), steps(m.rollback()), m.monitoring().stream().map(x -> new AdviceContent.Monitor(
                x.metric(), RecommendationFormats.monitorValue(x), RecommendationFormats.monitorBasis(x))).toList());
    }

    private List<AdviceContent.Step> steps(List<MigrationPlan.Step> steps) {
        return steps.stream().map(s -> new AdviceContent.Step(texts.step(s), s.commands())).toList();
    }
}
