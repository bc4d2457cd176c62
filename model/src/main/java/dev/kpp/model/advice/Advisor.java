package dev.kpp.model.advice;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.cost.NftablesKernels;
import dev.kpp.model.inventory.ProxyMode;
import dev.kpp.model.plan.Budgets;
import dev.kpp.model.plan.Crossover;
import dev.kpp.model.plan.Crossovers;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.PlanInput;
import dev.kpp.model.plan.Planner;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.Sweep;
import dev.kpp.model.plan.SweepResult;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The advisor: scores every mode of a plan against the user's budgets and the compatibility table,
 * and says which kube-proxy mode to run, until when, what can break and how to switch. Pure and
 * thread-safe; every statement is a {@link Finding} built from numbers the planner computed.
 *
 * <p>The decision (docs/advisor.md): stay on the current mode when it meets every budget now and at
 * the growth horizon and is not on a removal path while an alternative meets them too; otherwise
 * recommend the best-scoring kube-proxy mode that is not blocked, preferring one that meets every
 * budget. eBPF is ranked as a comparison (it replaces kube-proxy through the CNI) and never chosen.
 */
public final class Advisor {
    /** The kube-proxy modes a recommendation chooses among. */
    static final List<ProxyMode> KUBE_PROXY_MODES = List.of(ProxyMode.IPTABLES, ProxyMode.IPVS, ProxyMode.NFTABLES);
    /** Inputs whose sensitivity is measured (each lowered and raised by the same share). */
    static final List<ScenarioField> SENSITIVE_INPUTS = List.of(ScenarioField.SERVICES,
            ScenarioField.ENDPOINTS_PER_SERVICE, ScenarioField.REQUESTS_PER_SECOND,
            ScenarioField.REQUESTS_PER_CONNECTION, ScenarioField.ENDPOINT_CHANGES_PER_SECOND, ScenarioField.NODES,
            ScenarioField.CORES_PER_NODE, ScenarioField.SYNC_PERIOD, ScenarioField.MIN_SYNC_PERIOD);
    /**
     * A switch gains "little" when the best alternative saves less than this share of every budget. The
     * seed articles call the difference insignificant under ~1,000 Services and one vendor draws the line
     * at 3,000: at Tigera's 1,000 new connections/s, 3,000 Services cost iptables about a fifth of a
     * quarter-core CPU budget, which is where this threshold puts the line.
     */
    static final double SMALL_GAIN = 0.20;
    /**
     * When the current mode meets every budget and an alternative saves a large share of one, the switch
     * is recommended unless the alternative scores this many points lower (its risks outweigh the gain).
     */
    static final double SWITCH_TOLERANCE = 10;
    /** A flip within this factor of an input's value makes the decision a close call (lower certainty). */
    static final double CLOSE_CALL = 1.15;
    /** A first sync after a restart above this many seconds is a medium risk; above {@link #RESTART_HIGH} high. */
    static final double RESTART_MEDIUM = 10;
    static final double RESTART_HIGH = 60;
    /** Conntrack utilisation thresholds for a medium and a high risk (kube-proxy's own warning is at 75%). */
    static final double CONNTRACK_MEDIUM = 0.5;
    static final double CONNTRACK_HIGH = 0.75;
    /** Cilium LB map utilisation for a medium risk (resizing after install disrupts connections). */
    static final double MAP_MEDIUM = 0.8;
    /** Points of a flip search per direction, and bisection refinements. */
    private static final int FLIP_STEPS = 12;
    private static final int FLIP_REFINE = 8;
    /** Largest factor a flip search applies to an input. */
    private static final double FLIP_RANGE = 16;

    private final Planner planner;

    /** @param planner the planner whose predictions are advised on */
    public Advisor(Planner planner) {
        this.planner = Objects.requireNonNull(planner);
    }

    /**
     * Options of one piece of advice.
     *
     * @param growth         how fast Services grow, if known
     * @param horizonMonths  how far ahead budgets must hold (with a growth rate)
     * @param today          the date growth dates count from
     * @param sensitivity    the share by which each input is lowered and raised for the tornado
     * @param flips          true to search the input values at which the recommendation changes
     */
    public record Options(Optional<Growth> growth, double horizonMonths, LocalDate today, double sensitivity,
                          boolean flips) {
        public Options {
            Objects.requireNonNull(growth);
            Objects.requireNonNull(today);
            if (!(horizonMonths >= 0) || horizonMonths > 120) {
                throw InvalidValueException.range("horizon", 0, 120, horizonMonths);
            }
            if (!(sensitivity > 0) || sensitivity >= 1) {
                throw InvalidValueException.range("sensitivity", 0.01, 0.99, sensitivity);
            }
        }

        /** @return no growth rate, a 12-month horizon, ±50% sensitivity, flips on */
        public static Options defaults(LocalDate today) {
            return new Options(Optional.empty(), 12, today, 0.5, true);
        }

        /** @return a copy with this growth rate */
        public Options withGrowth(Growth g) {
            return new Options(Optional.of(g), horizonMonths, today, sensitivity, flips);
        }
    }

    /**
     * Advises on a plan.
     *
     * @param plan    the plan (its budgets are the ones scored against)
     * @param facts   what is known about the cluster (current mode, node pools, risky Services)
     * @param options growth, horizon, date, sensitivity
     * @return the recommendation
     */
    public Recommendation advise(Plan plan, ClusterFacts facts, Options options) {
        PlanInput input = plan.input();
        Budgets budgets = plan.budgets();
        Prediction now = plan.current();
        Prediction later = horizon(input, options);

        List<Recommendation.Bar> bars = sensitivity(input, now, budgets, options.sensitivity());
        Decision d = decide(input, now, later, budgets, facts);

        List<Recommendation.Threshold> thresholds = thresholds(plan, input, budgets);
        List<Recommendation.GrowthDate> dates = dates(thresholds, input, options);

        Map<ProxyMode, List<Finding>> risks = new EnumMap<>(ProxyMode.class);
        for (ProxyMode m : ProxyMode.values()) {
            risks.put(m, risks(m, input, facts, d.checks.get(m), now.mode(m)));
        }
        Map<ProxyMode, List<Finding>> reasons = modeReasons(now, later, budgets, bars, d, options);
        List<Finding> top = topReasons(now, later, budgets, bars, d, facts, input, thresholds, dates, options);
        List<Finding> topRisks = new ArrayList<>(risks.get(d.mode));
        if (d.mode != facts.currentMode()) {
            for (Finding f : risks.get(facts.currentMode())) {
                if (f.code() == Finding.Code.LIFECYCLE || f.code() == Finding.Code.CONNTRACK_PRESSURE) {
                    topRisks.add(f);
                }
            }
        }
        topRisks.sort(Comparator.comparing(Finding::severity).reversed());

        List<Recommendation.RankedMode> ranking = new ArrayList<>();
        for (ProxyMode m : ProxyMode.values()) {
            ranking.add(new Recommendation.RankedMode(m, d.scores.get(m), d.blocked(m), m == ProxyMode.EBPF,
                    d.over.get(m).isEmpty(), reasons.get(m), risks.get(m)));
        }
        ranking.sort(Comparator.comparing((Recommendation.RankedMode r) -> r.mode() != d.mode)
                .thenComparing(Recommendation.RankedMode::blocked)
                .thenComparing(Comparator.comparingDouble(Recommendation.RankedMode::score).reversed())
                .thenComparing(r -> preference(r.mode())));

        List<Check> checks = new ArrayList<>();
        d.checks.values().forEach(checks::addAll);
        List<Recommendation.Flip> flips = options.flips() ? flips(input, later != null, options, budgets, facts,
                d.mode) : List.of();
        Recommendation.Certainty certainty = d.certainty;
        for (Recommendation.Flip f : flips) {
            double ratio = f.at() / f.from();
            if (ratio < CLOSE_CALL && ratio > 1 / CLOSE_CALL) {
                top.add(finding(Finding.Code.CLOSE_DECISION, Finding.Severity.MEDIUM, f.to(), List.of(), "input",
                        f.input(), "base", f.from(), "flipAt", f.at()));
                certainty = Recommendation.Certainty.values()[Math.min(2, certainty.ordinal() + 1)];
                break;
            }
        }
        MigrationPlan migration = Migration.plan(facts.currentMode(), d.mode, facts, now, budgets,
                d.checks.get(d.mode), input.params());
        return new Recommendation(d.mode, d.mode == facts.currentMode() ? Recommendation.Action.STAY
                : Recommendation.Action.SWITCH, facts.currentMode(), certainty, ranking, top, topRisks, checks,
                thresholds, dates, bars, options.sensitivity(), flips, migration, budgets, Compatibility.TABLE_VERSION);
    }

    // ------------------------------------------------------------------ the decision

    /** The decision and what it rests on. */
    static final class Decision {
        ProxyMode mode;
        Recommendation.Certainty certainty;
        final Map<ProxyMode, Double> scores = new EnumMap<>(ProxyMode.class);
        final Map<ProxyMode, List<Check>> checks = new EnumMap<>(ProxyMode.class);
        final Map<ProxyMode, List<Metric>> over = new EnumMap<>(ProxyMode.class);
        final Map<ProxyMode, List<Metric>> overLater = new EnumMap<>(ProxyMode.class);
        boolean noneMeets;
        /** The best alternative to the current mode that meets every budget, and its largest saving. */
        ProxyMode alternative;
        double gain;

        boolean blocked(ProxyMode m) {
            return checks.get(m).stream().anyMatch(Check::blocks);
        }

        boolean meetsAll(ProxyMode m) {
            return over.get(m).isEmpty() && overLater.get(m).isEmpty();
        }
    }

    /** @return the prediction at the growth horizon, or null without a growth rate */
    private Prediction horizon(PlanInput input, Options options) {
        if (options.growth().isEmpty() || options.horizonMonths() == 0) {
            return null;
        }
        double s = options.growth().get().servicesAfter(input.params().services(), options.horizonMonths());
        long services = Math.round(Math.min(ScenarioParams.MAX_SERVICES, s));
        if (services <= input.params().services()) {
            return null;
        }
        return planner.predict(input.with(Sweep.Input.SERVICES, services));
    }

    Decision decide(PlanInput input, Prediction now, Prediction later, Budgets budgets, ClusterFacts facts) {
        Decision d = new Decision();
        ProxyMode current = facts.currentMode();
        for (ProxyMode m : ProxyMode.values()) {
            d.checks.put(m, Compatibility.check(m, input.params().kubernetesVersion(), facts));
            d.over.put(m, exceeded(now.mode(m), budgets));
            d.overLater.put(m, later == null ? List.of() : exceeded(later.mode(m), budgets));
        }
        for (ProxyMode m : ProxyMode.values()) {
            d.scores.put(m, score(m, now.mode(m), budgets, d, current, facts, input));
        }
        boolean onRemovalPath = d.checks.get(current).stream().anyMatch(c -> c.code() == Check.Code.IPVS_LIFECYCLE
                && c.status() != Check.Status.PASS);
        Optional<ProxyMode> bestAlternative = KUBE_PROXY_MODES.stream().filter(m -> m != current && !d.blocked(m)
                        && d.meetsAll(m))
                .min(Comparator.comparingDouble((ProxyMode m) -> d.scores.get(m)).reversed()
                        .thenComparing(Advisor::preference));
        boolean currentOk = !d.blocked(current) && d.meetsAll(current) && !(onRemovalPath && bestAlternative.isPresent());
        d.gain = bestAlternative.map(m -> gain(now, budgets, current, m)).orElse(0.0);
        d.alternative = bestAlternative.orElse(null);
        if (currentOk && (bestAlternative.isEmpty() || d.gain < SMALL_GAIN
                || d.scores.get(bestAlternative.get()) + SWITCH_TOLERANCE < d.scores.get(current))) {
            d.mode = current;
        } else if (currentOk) {
            d.mode = bestAlternative.get();
        } else {
            d.mode = KUBE_PROXY_MODES.stream().filter(m -> !d.blocked(m))
                    .min(Comparator.comparing((ProxyMode m) -> !d.meetsAll(m))
                            .thenComparing(m -> !d.over.get(m).isEmpty())
                            .thenComparing(Comparator.comparingDouble((ProxyMode m) -> d.scores.get(m)).reversed())
                            .thenComparing(Advisor::preference))
                    .orElse(ProxyMode.IPTABLES);
        }
        d.noneMeets = KUBE_PROXY_MODES.stream().noneMatch(m -> !d.blocked(m) && d.over.get(m).isEmpty());
        d.certainty = certainty(d, now, budgets, current);
        return d;
    }

    /** @return the largest saving of {@code alt} over {@code current}, as a share of that metric's budget */
    static double gain(Prediction now, Budgets budgets, ProxyMode current, ProxyMode alt) {
        double best = 0;
        for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
            if (e.getValue() > 0) {
                double saving = e.getKey().of(now.mode(current)).value() - e.getKey().of(now.mode(alt)).value();
                best = Math.max(best, saving / e.getValue());
            }
        }
        return best;
    }

    /** Ties go to the mode with the longer future: nftables (the next default), then iptables, then IPVS. */
    static int preference(ProxyMode m) {
        return switch (m) {
            case NFTABLES -> 0;
            case IPTABLES -> 1;
            case IPVS -> 2;
            case EBPF -> 3;
        };
    }

    private static List<Metric> exceeded(ModePrediction m, Budgets budgets) {
        List<Metric> out = new ArrayList<>();
        budgets.limits().forEach((metric, limit) -> {
            if (metric.of(m).value() > limit) {
                out.add(metric);
            }
        });
        return out;
    }

    /** @return 0..100: budgets and headroom, risks, lifecycle and the cost of switching */
    private static double score(ProxyMode mode, ModePrediction m, Budgets budgets, Decision d, ProxyMode current,
                                ClusterFacts facts, PlanInput input) {
        if (d.blocked(mode)) {
            return 0;
        }
        double s = 100;
        double overPenalty = 0;
        for (Metric metric : d.over.get(mode)) {
            double ratio = metric.of(m).value() / budgets.limit(metric).orElse(1);
            overPenalty += 30 + Math.min(20, 10 * Math.log(ratio) / Math.log(2));
        }
        s -= Math.min(70, overPenalty);
        s -= 12 * d.overLater.get(mode).stream().filter(x -> !d.over.get(mode).contains(x)).count();
        double tightest = utilisation(m, budgets);
        if (tightest > 0.5 && tightest <= 1) {
            s -= (tightest - 0.5) * 20;
        }
        for (Finding f : risks(mode, input, facts, d.checks.get(mode), m)) {
            s -= switch (f.severity()) {
                case HIGH -> 15;
                case MEDIUM -> 6;
                case LOW -> 2;
                case INFO -> 0;
            };
        }
        if (mode != current) {
            s -= switch (mode) {
                case IPTABLES, NFTABLES -> 4;
                case IPVS -> 6;
                case EBPF -> 25;
            };
        }
        return Math.max(0, Math.min(100, Math.round(s * 10) / 10.0));
    }

    /** @return the largest value / budget over the budgets (0 without budgets) */
    static double utilisation(ModePrediction m, Budgets budgets) {
        double u = 0;
        for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
            if (e.getValue() > 0) {
                u = Math.max(u, e.getKey().of(m).value() / e.getValue());
            }
        }
        return u;
    }

    private static Metric tightest(ModePrediction m, Budgets budgets) {
        Metric best = null;
        double u = -1;
        for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
            double v = e.getValue() > 0 ? e.getKey().of(m).value() / e.getValue() : 0;
            if (v > u) {
                u = v;
                best = e.getKey();
            }
        }
        return best;
    }

    private static Recommendation.Certainty certainty(Decision d, Prediction now, Budgets budgets, ProxyMode current) {
        if (d.noneMeets) {
            return Recommendation.Certainty.LOW;
        }
        int level = 0;
        for (ProxyMode m : List.of(d.mode, current)) {
            for (Metric metric : budgets.limits().keySet()) {
                if (metric.of(now.mode(m)).confidence() == Estimate.Confidence.LOW) {
                    level = Math.max(level, 1);
                }
            }
        }
        for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
            Estimate est = e.getKey().of(now.mode(d.mode));
            if (est.value() <= e.getValue() && est.high() > e.getValue()) {
                level++;
                break;
            }
        }
        return Recommendation.Certainty.values()[Math.min(2, level)];
    }

    // ------------------------------------------------------------------ reasons

    private Map<ProxyMode, List<Finding>> modeReasons(Prediction now, Prediction later, Budgets budgets,
                                                      List<Recommendation.Bar> bars, Decision d, Options options) {
        Map<ProxyMode, List<Finding>> out = new EnumMap<>(ProxyMode.class);
        for (ProxyMode m : ProxyMode.values()) {
            List<Finding> r = new ArrayList<>();
            ModePrediction mp = now.mode(m);
            for (Check c : d.checks.get(m)) {
                if (c.blocks()) {
                    r.add(cites(Finding.Code.BLOCKED, Finding.Severity.HIGH, m, c));
                }
            }
            for (Metric metric : d.over.get(m)) {
                r.add(exceeds(m, metric, metric.of(mp), budgets.limit(metric).orElse(0), bars));
            }
            if (later != null) {
                for (Metric metric : d.overLater.get(m)) {
                    if (!d.over.get(m).contains(metric)) {
                        r.add(finding(Finding.Code.EXCEEDS_BUDGET_LATER, Finding.Severity.INFO, m, List.of(),
                                "metric", metric.key(), "value", metric.of(later.mode(m)).value(), "limit",
                                budgets.limit(metric).orElse(0), "months", options.horizonMonths(), "services",
                                later.scenario().services()));
                    }
                }
            }
            if (d.over.get(m).isEmpty() && !budgets.limits().isEmpty()) {
                Metric t = tightest(mp, budgets);
                r.add(finding(Finding.Code.MEETS_BUDGETS, Finding.Severity.INFO, m, List.of(), "metric", t.key(),
                        "value", t.of(mp).value(), "limit", budgets.limit(t).orElse(0), "share",
                        utilisation(mp, budgets)));
            }
            for (Metric metric : budgets.limits().keySet()) {
                Estimate e = metric.of(mp);
                if (e.confidence() == Estimate.Confidence.LOW) {
                    r.add(finding(Finding.Code.LOW_CONFIDENCE, Finding.Severity.INFO, m, List.of(), "metric",
                            metric.key(), "reason", e.reason().isEmpty() ? "few-rows" : e.reason()));
                }
            }
            out.put(m, r);
        }
        return out;
    }

    private List<Finding> topReasons(Prediction now, Prediction later, Budgets budgets, List<Recommendation.Bar> bars,
                                     Decision d, ClusterFacts facts, PlanInput input,
                                     List<Recommendation.Threshold> thresholds, List<Recommendation.GrowthDate> dates,
                                     Options options) {
        List<Finding> r = new ArrayList<>();
        ProxyMode current = facts.currentMode();
        ScenarioParams p = input.params();
        if (facts.configuredMode().isEmpty()) {
            r.add(finding(Finding.Code.IMPLICIT_MODE, Finding.Severity.INFO, ProxyMode.IPTABLES, List.of(),
                    "version", p.kubernetesVersion().toString(), "changes", Compatibility.NFTABLES_DEFAULT.toString()));
        }
        if (d.noneMeets) {
            r.add(finding(Finding.Code.NO_MODE_MEETS_BUDGETS, Finding.Severity.HIGH, null, List.of(), "services",
                    p.services()));
        }
        if (d.mode == current) {
            ModePrediction cur = now.mode(current);
            if (d.over.get(current).isEmpty() && !budgets.limits().isEmpty()) {
                Metric t = tightest(cur, budgets);
                r.add(finding(Finding.Code.STAY_MEETS_BUDGETS, Finding.Severity.INFO, current, List.of(), "metric",
                        t.key(), "value", t.of(cur).value(), "limit", budgets.limit(t).orElse(0), "share",
                        utilisation(cur, budgets), "services", p.services()));
                Finding gain = smallestGain(now, budgets, current, d);
                if (gain != null) {
                    r.add(gain);
                }
                // why not the others: each alternative that misses a budget says which and by how much
                for (ProxyMode m : KUBE_PROXY_MODES) {
                    if (m != current && !d.blocked(m) && !d.over.get(m).isEmpty()) {
                        Metric metric = d.over.get(m).get(0);
                        r.add(exceeds(m, metric, metric.of(now.mode(m)), budgets.limit(metric).orElse(0), bars));
                    }
                }
            } else {
                d.over.get(current).forEach(metric -> r.add(exceeds(current, metric, metric.of(cur),
                        budgets.limit(metric).orElse(0), bars)));
            }
        } else {
            ModePrediction cur = now.mode(current);
            ModePrediction rec = now.mode(d.mode);
            for (Check c : d.checks.get(current)) {
                if (c.code() == Check.Code.IPVS_LIFECYCLE && c.status() != Check.Status.PASS) {
                    r.add(new Finding(Finding.Code.LIFECYCLE, Finding.Severity.HIGH, current, c.params(), List.of()));
                }
            }
            for (Metric metric : d.over.get(current)) {
                r.add(exceeds(current, metric, metric.of(cur), budgets.limit(metric).orElse(0), bars));
            }
            if (later != null) {
                for (Metric metric : d.overLater.get(current)) {
                    if (!d.over.get(current).contains(metric)) {
                        r.add(finding(Finding.Code.EXCEEDS_BUDGET_LATER, Finding.Severity.INFO, current, List.of(),
                                "metric", metric.key(), "value", metric.of(later.mode(current)).value(), "limit",
                                budgets.limit(metric).orElse(0), "months", options.horizonMonths(), "services",
                                later.scenario().services()));
                    }
                }
            }
            if (d.over.get(d.mode).isEmpty() && !budgets.limits().isEmpty()) {
                Metric t = tightest(rec, budgets);
                r.add(finding(Finding.Code.MEETS_BUDGETS, Finding.Severity.INFO, d.mode, List.of(), "metric",
                        t.key(), "value", t.of(rec).value(), "limit", budgets.limit(t).orElse(0), "share",
                        utilisation(rec, budgets)));
            }
            if (d.over.get(current).isEmpty() && d.overLater.get(current).isEmpty()) {
                Finding large = largestGain(now, budgets, current, d.mode);
                if (large != null) {
                    r.add(large);
                }
            }
            double rc = cur.structure().clusterIp().mean();
            double rr = rec.structure().clusterIp().mean();
            if (rr > 0 && rc / rr >= 2) {
                r.add(finding(Finding.Code.FEWER_RULES, Finding.Severity.INFO, d.mode, List.of(), "other",
                        current.id(), "rules", rr, "otherRules", rc, "factor", rc / rr, "services", p.services()));
            }
            r.add(finding(Finding.Code.SWITCH_COST, Finding.Severity.INFO, d.mode, List.of(), "from", current.id(),
                    "nodes", (long) p.nodes(), "coldStart", rec.costs().syncColdStartSeconds().value()));
        }
        Finding kernel = fasterKernel(input, now, budgets, d);
        if (kernel != null) {
            r.add(kernel);
        }
        if (p.requestsPerConnection() > 1) {
            r.add(finding(Finding.Code.KEEPALIVE_SHRINKS_COST, Finding.Severity.INFO, null, List.of(),
                    "requestsPerConnection", p.requestsPerConnection(), "connections", p.newConnectionsPerSecond(),
                    "requests", p.requestsPerSecond()));
        }
        // the next budget crossing of the current (and, when switching, the recommended) mode above today's size
        for (ProxyMode m : d.mode == current ? List.of(current) : List.of(current, d.mode)) {
            thresholds.stream().filter(t -> t.isBudget() && t.rising() && t.mode() == m && t.axis().equals("services")
                            && t.at() > p.services())
                    .min(Comparator.comparingDouble(Recommendation.Threshold::at))
                    .ifPresent(t -> {
                        Optional<Recommendation.GrowthDate> date = dates.stream().filter(g -> g.threshold() == t)
                                .findFirst();
                        r.add(finding(Finding.Code.CROSSES_BUDGET, Finding.Severity.INFO, m, List.of(), "metric",
                                t.metric().key(), "limit", t.budget().orElse(0), "services", t.at(), "date",
                                date.map(g -> g.date().toString()).orElse("")));
                    });
        }
        for (ProxyMode m : KUBE_PROXY_MODES) {
            for (Check c : d.checks.get(m)) {
                if (c.blocks()) {
                    r.add(cites(Finding.Code.BLOCKED, Finding.Severity.HIGH, m, c));
                }
            }
        }
        for (ProxyMode m : d.mode == current ? List.of(current) : List.of(d.mode, current)) {
            for (Metric metric : budgets.limits().keySet()) {
                Estimate e = metric.of(now.mode(m));
                if (e.confidence() == Estimate.Confidence.LOW) {
                    r.add(finding(Finding.Code.LOW_CONFIDENCE, Finding.Severity.INFO, m, List.of(), "metric",
                            metric.key(), "reason", e.reason().isEmpty() ? "few-rows" : e.reason()));
                }
            }
        }
        double ebpf = d.scores.get(ProxyMode.EBPF);
        if (!d.blocked(ProxyMode.EBPF) && ebpf > d.scores.get(d.mode)) {
            r.add(finding(Finding.Code.EBPF_IS_A_COMPARISON, Finding.Severity.INFO, ProxyMode.EBPF, List.of(),
                    "score", ebpf, "modeScore", d.scores.get(d.mode)));
        }
        return r;
    }

    /** @return the best alternative's largest saving, when it is small against every budget */
    private static Finding smallestGain(Prediction now, Budgets budgets, ProxyMode current, Decision d) {
        ProxyMode best = null;
        Metric where = null;
        double bestShare = -1;
        double saving = 0;
        for (ProxyMode m : KUBE_PROXY_MODES) {
            if (m == current || d.blocked(m)) {
                continue;
            }
            for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
                if (e.getValue() <= 0) {
                    continue;
                }
                double s = e.getKey().of(now.mode(current)).value() - e.getKey().of(now.mode(m)).value();
                double share = s / e.getValue();
                if (share > bestShare) {
                    bestShare = share;
                    best = m;
                    where = e.getKey();
                    saving = s;
                }
            }
        }
        if (best == null || bestShare >= SMALL_GAIN) {
            return null;
        }
        return finding(Finding.Code.SWITCH_GAIN_SMALL, Finding.Severity.INFO, best, List.of(), "metric", where.key(),
                "saving", Math.max(0, saving), "limit", budgets.limit(where).orElse(0), "share", Math.max(0, bestShare),
                "threshold", SMALL_GAIN);
    }

    /**
     * @return when nftables misses a budget on a kernel without the optimised transaction path, what the
     *         first kernel with it would change (a what-if on the kernel alone), or null
     */
    private Finding fasterKernel(PlanInput input, Prediction now, Budgets budgets, Decision d) {
        ScenarioParams p = input.params();
        if (d.mode == ProxyMode.NFTABLES || d.blocked(ProxyMode.NFTABLES) || d.over.get(ProxyMode.NFTABLES).isEmpty()
                || NftablesKernels.fastTransactions(p.kernel())) {
            return null;
        }
        Metric metric = d.over.get(ProxyMode.NFTABLES).get(0);
        PlanInput upgraded;
        try {
            upgraded = input.withParams(p.withKernel(NftablesKernels.FIRST_FAST));
        } catch (InvalidValueException e) {
            return null;
        }
        ModePrediction after = planner.predict(upgraded).mode(ProxyMode.NFTABLES);
        return finding(exceeded(after, budgets).isEmpty() ? Finding.Code.FASTER_KERNEL
                        : Finding.Code.FASTER_KERNEL_NOT_ENOUGH, Finding.Severity.INFO, ProxyMode.NFTABLES, List.of(),
                "metric", metric.key(), "value", metric.of(now.mode(ProxyMode.NFTABLES)).value(), "after",
                metric.of(after).value(), "limit", budgets.limit(metric).orElse(0), "kernel", p.kernel().toString(),
                "fastKernel", NftablesKernels.FIRST_FAST.toString());
    }

    /** @return the recommended mode's largest saving over the current one, against its budget */
    private static Finding largestGain(Prediction now, Budgets budgets, ProxyMode current, ProxyMode rec) {
        Metric where = null;
        double bestShare = 0;
        double saving = 0;
        for (Map.Entry<Metric, Double> e : budgets.limits().entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            double sv = e.getKey().of(now.mode(current)).value() - e.getKey().of(now.mode(rec)).value();
            if (sv / e.getValue() > bestShare) {
                bestShare = sv / e.getValue();
                where = e.getKey();
                saving = sv;
            }
        }
        if (where == null) {
            return null;
        }
        return finding(Finding.Code.SWITCH_GAIN_LARGE, Finding.Severity.INFO, rec, List.of(), "metric", where.key(),
                "saving", saving, "limit", budgets.limit(where).orElse(0), "share", bestShare, "threshold", SMALL_GAIN,
                "other", current.id());
    }

    private static Finding exceeds(ProxyMode m, Metric metric, Estimate value, double limit,
                                   List<Recommendation.Bar> bars) {
        List<String> drivers = bars.stream().filter(b -> b.mode() == m && b.metric() == metric && b.swing() > 0.01)
                .sorted(Comparator.comparingDouble(Recommendation.Bar::swing).reversed()).limit(2)
                .map(Recommendation.Bar::input).toList();
        return finding(Finding.Code.EXCEEDS_BUDGET, Finding.Severity.HIGH, m, List.of(), "metric", metric.key(),
                "value", value.value(), "limit", limit, "factor", limit > 0 ? value.value() / limit : 0, "drivers",
                String.join(",", drivers));
    }

    // ------------------------------------------------------------------ risks

    static List<Finding> risks(ProxyMode mode, PlanInput input, ClusterFacts facts, List<Check> checks,
                               ModePrediction mp) {
        List<Finding> out = new ArrayList<>();
        ScenarioParams p = input.params();
        for (Check c : checks) {
            if (c.blocks() && !c.nodes().isEmpty()) {
                out.add(new Finding(Finding.Code.NODES_BLOCK_MODE, Finding.Severity.HIGH, mode, c.params(),
                        c.nodes()));
            } else if (c.code() == Check.Code.IPVS_LIFECYCLE && c.status() != Check.Status.PASS) {
                out.add(new Finding(Finding.Code.LIFECYCLE, Finding.Severity.HIGH, mode, c.params(), List.of()));
            } else if (c.code() == Check.Code.NFTABLES_RELEASE && c.status() == Check.Status.WARN) {
                out.add(new Finding(Finding.Code.PRE_GA, "alpha".equals(c.params().get("stage"))
                        ? Finding.Severity.HIGH : Finding.Severity.MEDIUM, mode, c.params(), List.of()));
            } else if (c.status() == Check.Status.UNKNOWN
                    || (c.code() == Check.Code.CALICO_EBPF_KERNEL && c.status() == Check.Status.WARN)) {
                out.add(cites(Finding.Code.PREREQUISITE, Finding.Severity.LOW, mode, c));
            }
        }
        switch (mode) {
            case NFTABLES -> {
                if (facts.localhostNodePortPackets().isPresent() && facts.localhostNodePortPackets().getAsDouble() > 0) {
                    out.add(finding(Finding.Code.LOCALHOST_NODEPORTS, Finding.Severity.HIGH, mode, List.of(),
                            "packets", facts.localhostNodePortPackets().getAsDouble(), "services",
                            facts.nodePortServices()));
                } else if (facts.nodePortServices() > 0) {
                    out.add(finding(Finding.Code.LOCALHOST_NODEPORTS, facts.localhostNodePortPackets().isPresent()
                                    ? Finding.Severity.LOW : Finding.Severity.MEDIUM, mode, List.of(), "packets",
                            facts.localhostNodePortPackets().orElse(-1), "services", facts.nodePortServices()));
                }
                if (facts.nodePortServices() > 0) {
                    out.add(finding(Finding.Code.NODEPORTS_PRIMARY_IPS_ONLY, Finding.Severity.LOW, mode, List.of(),
                            "services", facts.nodePortServices()));
                }
            }
            case IPVS -> {
                if (facts.loadBalancerServices() > 0 || facts.externalIpServices() > 0) {
                    out.add(finding(Finding.Code.IPVS_BINDS_SERVICE_IPS, Finding.Severity.MEDIUM, mode, List.of(),
                            "loadBalancers", facts.loadBalancerServices(), "externalIps", facts.externalIpServices()));
                }
                if (facts.loadBalancerServices() > 0 && !facts.ipvsStrictArp()) {
                    out.add(finding(Finding.Code.METALLB_STRICT_ARP, Finding.Severity.MEDIUM, mode, List.of(),
                            "loadBalancers", facts.loadBalancerServices()));
                }
            }
            case EBPF -> {
                double entries = mp.structure().count("lbMapEntries");
                double max = mp.structure().count("lbMapMax");
                if (max > 0 && entries / max > MAP_MEDIUM) {
                    out.add(finding(Finding.Code.CILIUM_MAP_HEADROOM, entries > max ? Finding.Severity.HIGH
                            : Finding.Severity.MEDIUM, mode, List.of(), "entries", (long) entries, "max", (long) max,
                            "share", entries / max));
                }
            }
            default -> {
            }
        }
        if (mode != ProxyMode.EBPF) {
            double u = mp.costs().conntrack().utilization();
            if (u > CONNTRACK_MEDIUM) {
                out.add(finding(Finding.Code.CONNTRACK_PRESSURE, u > CONNTRACK_HIGH ? Finding.Severity.HIGH
                        : Finding.Severity.MEDIUM, mode, List.of(), "entries", mp.costs().conntrack().entries(), "max",
                        mp.costs().conntrack().max(), "share", u));
            }
            double restart = mp.costs().syncColdStartSeconds().value();
            if (restart > RESTART_MEDIUM) {
                out.add(finding(Finding.Code.SLOW_RESTART_SYNC, restart > RESTART_HIGH ? Finding.Severity.HIGH
                        : Finding.Severity.MEDIUM, mode, List.of(), "metric", Metric.SYNC_COLD_START_SECONDS.key(),
                        "value", restart, "high", mp.costs().syncColdStartSeconds().high(), "services", p.services()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ crossovers and growth

    private List<Recommendation.Threshold> thresholds(Plan plan, PlanInput input, Budgets budgets) {
        List<Recommendation.Threshold> out = new ArrayList<>();
        for (Crossover c : plan.crossovers()) {
            if (budgets.limit(c.metric()).isPresent()) {
                out.add(threshold("services", c));
            }
        }
        if (!budgets.limits().isEmpty() && input.params().endpointsPerService() > 0) {
            List<Double> eps = Sweep.values(1, ScenarioField.ENDPOINTS_PER_SERVICE.max() >= 1000 ? 1000 : 100, 49,
                    Sweep.Spacing.LOG).stream().map(v -> (double) Math.round(v)).distinct().toList();
            SweepResult s;
            try {
                s = planner.sweep(input, Sweep.Input.ENDPOINTS, eps, () -> false);
            } catch (InvalidValueException e) {
                return out; // an inventory without endpoints has nothing to scale
            }
            for (Metric m : budgets.limits().keySet()) {
                for (Crossover c : Crossovers.find(s, m, budgets.limit(m))) {
                    if (c.isBudget()) {
                        out.add(threshold("endpointsPerService", c));
                    }
                }
            }
        }
        return out;
    }

    private static Recommendation.Threshold threshold(String axis, Crossover c) {
        return new Recommendation.Threshold(axis, c.metric(), c.mode(), c.other(), c.services(), c.value(), c.budget(),
                c.rising());
    }

    private static List<Recommendation.GrowthDate> dates(List<Recommendation.Threshold> thresholds, PlanInput input,
                                                         Options options) {
        if (options.growth().isEmpty()) {
            return List.of();
        }
        Growth g = options.growth().get();
        long s = input.params().services();
        List<Recommendation.GrowthDate> out = new ArrayList<>();
        for (Recommendation.Threshold t : thresholds) {
            if (!t.axis().equals("services") || !t.rising() || t.at() <= s) {
                continue;
            }
            double months = g.monthsTo(s, t.at());
            if (Double.isNaN(months) || months > 1200) {
                continue;
            }
            LocalDate date = options.today().plusDays(Math.round(months * Growth.DAYS_PER_MONTH));
            out.add(new Recommendation.GrowthDate(t, months, date));
        }
        out.sort(Comparator.comparing(Recommendation.GrowthDate::date));
        return out;
    }

    // ------------------------------------------------------------------ sensitivity and flips

    private List<Recommendation.Bar> sensitivity(PlanInput input, Prediction now, Budgets budgets, double share) {
        List<Recommendation.Bar> out = new ArrayList<>();
        List<Metric> metrics = budgets.limits().isEmpty() ? List.of(Metric.CPU_CORES, Metric.SYNC_PARTIAL_SECONDS,
                Metric.ADDED_LATENCY_MS) : List.copyOf(budgets.limits().keySet());
        for (ScenarioField f : SENSITIVE_INPUTS) {
            double base = value(input.params(), f);
            double lo = clamp(f, base * (1 - share));
            double hi = clamp(f, base * (1 + share));
            Prediction pLo = at(input, f, lo);
            Prediction pHi = at(input, f, hi);
            if (pLo == null || pHi == null) {
                continue;
            }
            for (ProxyMode m : ProxyMode.values()) {
                for (Metric metric : metrics) {
                    out.add(new Recommendation.Bar(f.id(), m, metric, metric.of(now.mode(m)).value(),
                            value(pLo.scenario(), f), value(pHi.scenario(), f), metric.of(pLo.mode(m)).value(),
                            metric.of(pHi.mode(m)).value()));
                }
            }
        }
        return out;
    }

    private List<Recommendation.Flip> flips(PlanInput input, boolean growth, Options options, Budgets budgets,
                                            ClusterFacts facts, ProxyMode mode) {
        List<Recommendation.Flip> out = new ArrayList<>();
        for (ScenarioField f : SENSITIVE_INPUTS) {
            double base = value(input.params(), f);
            if (base <= 0) {
                continue;
            }
            for (int dir : new int[] {1, -1}) {
                double prev = 1;
                for (int i = 1; i <= FLIP_STEPS; i++) {
                    double factor = Math.pow(FLIP_RANGE, dir * i / (double) FLIP_STEPS);
                    double v = clamp(f, base * factor);
                    if (v == clamp(f, base * prev) && i > 1) {
                        break; // the range limit is reached
                    }
                    ProxyMode at = decideAt(input, f, v, growth, options, budgets, facts);
                    if (at != null && at != mode) {
                        double lo = prev;
                        double hi = factor;
                        ProxyMode to = at;
                        for (int k = 0; k < FLIP_REFINE; k++) {
                            double mid = Math.sqrt(lo * hi);
                            ProxyMode mm = decideAt(input, f, clamp(f, base * mid), growth, options, budgets, facts);
                            if (mm != null && mm != mode) {
                                hi = mid;
                                to = mm;
                            } else {
                                lo = mid;
                            }
                        }
                        out.add(new Recommendation.Flip(f.id(), base, clamp(f, base * hi), to));
                        break;
                    }
                    prev = factor;
                }
            }
        }
        return out;
    }

    private ProxyMode decideAt(PlanInput input, ScenarioField f, double v, boolean growth, Options options,
                               Budgets budgets, ClusterFacts facts) {
        PlanInput in = with(input, f, v);
        if (in == null) {
            return null;
        }
        Prediction now = planner.predict(in);
        Prediction later = growth ? horizon(in, options) : null;
        return decide(in, now, later, budgets, facts).mode;
    }

    private Prediction at(PlanInput input, ScenarioField f, double v) {
        PlanInput in = with(input, f, v);
        return in == null ? null : planner.predict(in);
    }

    /** @return the input with one field set, or null when the combination is invalid */
    private static PlanInput with(PlanInput input, ScenarioField f, double v) {
        try {
            ScenarioParams.Builder b = input.params().toBuilder();
            switch (f) {
                case SERVICES -> b.services = Math.round(v);
                case ENDPOINTS_PER_SERVICE -> b.endpointsPerService = (int) Math.round(v);
                case REQUESTS_PER_SECOND -> b.requestsPerSecond = v;
                case REQUESTS_PER_CONNECTION -> b.requestsPerConnection = v;
                case ENDPOINT_CHANGES_PER_SECOND -> b.endpointChangesPerSecond = v;
                case NODES -> b.nodes = (int) Math.round(v);
                case CORES_PER_NODE -> b.coresPerNode = v;
                case SYNC_PERIOD -> {
                    b.syncPeriodSeconds = v;
                    b.minSyncPeriodSeconds = Math.min(b.minSyncPeriodSeconds, v);
                }
                case MIN_SYNC_PERIOD -> b.minSyncPeriodSeconds = Math.min(v, b.syncPeriodSeconds);
                default -> throw new IllegalArgumentException("not a sensitivity input: " + f);
            }
            return input.withParams(b.build());
        } catch (InvalidValueException e) {
            return null;
        }
    }

    static double value(ScenarioParams p, ScenarioField f) {
        return switch (f) {
            case SERVICES -> p.services();
            case ENDPOINTS_PER_SERVICE -> p.endpointsPerService();
            case REQUESTS_PER_SECOND -> p.requestsPerSecond();
            case REQUESTS_PER_CONNECTION -> p.requestsPerConnection();
            case ENDPOINT_CHANGES_PER_SECOND -> p.endpointChangesPerSecond();
            case NODES -> p.nodes();
            case CORES_PER_NODE -> p.coresPerNode();
            case SYNC_PERIOD -> p.syncPeriodSeconds();
            case MIN_SYNC_PERIOD -> p.minSyncPeriodSeconds();
            default -> throw new IllegalArgumentException("not a sensitivity input: " + f);
        };
    }

    private static double clamp(ScenarioField f, double v) {
        double c = Math.max(f.min(), Math.min(f.max(), v));
        return f.kind() == ScenarioField.Kind.COUNT ? Math.max(f.min(), Math.round(c)) : c;
    }

    // ------------------------------------------------------------------ helpers

    static Finding finding(Finding.Code code, Finding.Severity severity, ProxyMode mode, List<NodeGroup> nodes,
                           Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        return new Finding(code, severity, mode, params, nodes);
    }

    static String codeId(Enum<?> code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** @return a finding that cites a check: {@code check} (its code id) first, then the check's parameters */
    static Finding cites(Finding.Code code, Finding.Severity severity, ProxyMode mode, Check c) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("check", codeId(c.code()));
        params.putAll(c.params());
        return new Finding(code, severity, mode, params, c.nodes());
    }
}
