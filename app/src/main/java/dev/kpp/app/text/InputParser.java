package dev.kpp.app.text;

import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.InvalidValueException;
import dev.kpp.model.units.KernelVersion;
import dev.kpp.model.units.KubeVersion;
import dev.kpp.model.units.Unit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one input parser, shared by the window's fields and the CLI's flags, so both accept the same
 * text: counts and numbers with grouping and suffixes ({@code 50k}, {@code 12,000}, {@code 1.5M}),
 * shares as {@code 5%} or {@code 0.05}, durations as {@code 30}, {@code 30s}, {@code 500ms},
 * {@code 1m}. Errors are {@link InvalidValueException}s naming the field.
 */
public final class InputParser {
    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?(?:\\d{1,3}(?:[,_ ]\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|[+-]?\\.\\d+)\\s*([kKMG]?)$");
    private static final Pattern DURATION = Pattern.compile("^((?:\\d+(?:\\.\\d+)?)|(?:\\.\\d+))\\s*(ms|s|m|h)?$");

    private InputParser() {
    }

    /**
     * @return the number {@code text} stands for: grouping (",", "_", " ") and suffixes k (10^3), M (10^6),
     *         G (10^9) allowed
     * @throws InvalidValueException ({@code NOT_A_NUMBER}) naming {@code field}
     */
    public static double number(String text, String field) {
        String t = text == null ? "" : text.trim();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            throw InvalidValueException.of(field, InvalidValueException.Code.NOT_A_NUMBER, t);
        }
        double v = Double.parseDouble(m.group(1).replaceAll("[,_ ]", ""));
        return switch (m.group(2)) {
            case "k", "K" -> v * 1e3;
            case "M" -> v * 1e6;
            case "G" -> v * 1e9;
            default -> v;
        };
    }

    /**
     * @return a share 0..1: {@code 5%} is 0.05, {@code 0.05} is 0.05; a bare number above 1 is ambiguous
     * @throws InvalidValueException ({@code NOT_A_NUMBER}, {@code AMBIGUOUS_SHARE} or {@code OUT_OF_RANGE})
     */
    public static double share(String text, String field) {
        String t = text == null ? "" : text.trim();
        if (t.endsWith("%")) {
            double v = number(t.substring(0, t.length() - 1), field) / 100;
            if (v < 0 || v > 1) {
                throw InvalidValueException.range(field, 0, 1, v);
            }
            return v;
        }
        double v = number(t, field);
        if (v > 1 && v <= 100) {
            throw InvalidValueException.of(field, InvalidValueException.Code.AMBIGUOUS_SHARE, t);
        }
        if (v < 0 || v > 1) {
            throw InvalidValueException.range(field, 0, 1, v);
        }
        return v;
    }

    /**
     * @return seconds: a bare number is seconds; suffixes ms, s, m (minutes), h
     * @throws InvalidValueException ({@code NOT_A_NUMBER}) naming {@code field}
     */
    public static double seconds(String text, String field) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw InvalidValueException.of(field, InvalidValueException.Code.NOT_A_NUMBER, t);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> v / 1000;
            case "m" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        };
    }

    /**
     * Parses a scenario input of any kind and checks its range.
     *
     * @return the value (numbers) — versions are parsed with {@link #kernel} and {@link #kubernetesVersion}
     * @throws InvalidValueException naming the field
     */
    public static double field(ScenarioField f, String text) {
        double v = switch (f.kind()) {
            case SHARE -> share(text, f.id());
            case SECONDS -> seconds(text, f.id());
            case COUNT, NUMBER -> number(text, f.id());
            case VERSION -> throw new IllegalArgumentException(f.id() + " is a version");
        };
        f.check(v);
        return v;
    }

    /**
     * Parses a quantity in a metric's unit (a budget, a limit), with the unit's own suffixes allowed:
     * durations in seconds as {@code 1}, {@code 1s}, {@code 500ms}, {@code 250us}/{@code 250µs},
     * {@code 2m}, {@code 1h}; milliseconds as {@code 1}, {@code 1ms}, {@code 500us}, {@code 0.2s}; CPU as
     * {@code 0.25} or {@code 250m} (millicores); percentages as {@code 75%}, {@code 75} or {@code 0.75}
     * (a bare number up to 1 is a fraction); counts as {@link #number}. The CLI's {@code --budget}
     * values and the window's budget fields both read through this.
     *
     * @param text  what was typed
     * @param unit  the quantity's unit (the value returned is in it)
     * @param field names the input in errors
     * @return the value, never negative
     * @throws InvalidValueException ({@code NOT_A_NUMBER}, also for a negative value)
     */
    public static double quantity(String text, Unit unit, String field) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('µ', 'u');
        double v = switch (unit) {
            case SECONDS -> timeIn(t, 1, field);
            case MILLISECONDS -> timeIn(t, 1e-3, field);
            case CORES -> t.endsWith("m") ? number(t.substring(0, t.length() - 1).trim(), field) / 1000
                    : number(t, field);
            // a bare number up to 1 is a fraction of the table (0.75), above 1 a percentage (75)
            case PERCENT -> t.endsWith("%") ? number(t.substring(0, t.length() - 1).trim(), field)
                    : number(t, field) <= 1 ? number(t, field) * 100 : number(t, field);
            case FRACTION -> t.endsWith("%") ? number(t.substring(0, t.length() - 1).trim(), field) / 100
                    : number(t, field);
            default -> number(t, field);
        };
        if (!(v >= 0)) {
            throw InvalidValueException.of(field, InvalidValueException.Code.NOT_A_NUMBER, text == null ? "" : text);
        }
        return v;
    }

    /** @return a duration in units of {@code scale} seconds; a bare number is already in that unit */
    private static double timeIn(String t, double scale, String field) {
        String[][] suffixes = {{"ms", "0.001"}, {"us", "0.000001"}, {"ns", "0.000000001"}, {"min", "60"},
            {"s", "1"}, {"m", "60"}, {"h", "3600"}};
        for (String[] s : suffixes) {
            if (t.endsWith(s[0])) {
                return number(t.substring(0, t.length() - s[0].length()).trim(), field) * Double.parseDouble(s[1])
                        / scale;
            }
        }
        return number(t, field);
    }

    /** Budget names the CLI and the window accept, besides every metric key. */
    private static final java.util.Map<String, dev.kpp.model.plan.Metric> BUDGET_ALIASES = java.util.Map.ofEntries(
            java.util.Map.entry("cpu", dev.kpp.model.plan.Metric.CPU_CORES),
            java.util.Map.entry("sync", dev.kpp.model.plan.Metric.SYNC_PARTIAL_SECONDS),
            java.util.Map.entry("partial-sync", dev.kpp.model.plan.Metric.SYNC_PARTIAL_SECONDS),
            java.util.Map.entry("full-sync", dev.kpp.model.plan.Metric.SYNC_FULL_SECONDS),
            java.util.Map.entry("cold-start", dev.kpp.model.plan.Metric.SYNC_COLD_START_SECONDS),
            java.util.Map.entry("restart", dev.kpp.model.plan.Metric.SYNC_COLD_START_SECONDS),
            java.util.Map.entry("latency", dev.kpp.model.plan.Metric.ADDED_LATENCY_MS),
            java.util.Map.entry("conntrack", dev.kpp.model.plan.Metric.CONNTRACK_UTILIZATION),
            java.util.Map.entry("rules", dev.kpp.model.plan.Metric.RULES_PER_CONNECTION),
            java.util.Map.entry("worst-rules", dev.kpp.model.plan.Metric.RULES_PER_CONNECTION_WORST));

    /**
     * Parses budgets: {@code cpu=0.25,sync=1s,latency=1ms,conntrack=75%} (names: cpu, sync / partial-sync,
     * full-sync, cold-start, latency, conntrack, rules, worst-rules, or any metric key). CPU takes cores or
     * millicores ({@code 250m}); syncs take durations; latency takes a duration ({@code 1ms}, {@code 500us})
     * or milliseconds; conntrack a percentage of the table.
     *
     * @throws InvalidValueException naming {@code budget} for an unknown name or a bad value
     */
    public static dev.kpp.model.plan.Budgets budgets(String text) {
        dev.kpp.model.plan.Budgets b = dev.kpp.model.plan.Budgets.none();
        for (String part : (text == null ? "" : text).split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw InvalidValueException.of("budget", InvalidValueException.Code.UNKNOWN_NAME, t);
            }
            String name = t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = t.substring(eq + 1).trim();
            dev.kpp.model.plan.Metric m = BUDGET_ALIASES.get(name);
            if (m == null) {
                m = java.util.Arrays.stream(dev.kpp.model.plan.Metric.values())
                        .filter(x -> x.key().equalsIgnoreCase(name)).findFirst().orElse(null);
            }
            if (m == null || !m.budgetable()) {
                throw InvalidValueException.of("budget", InvalidValueException.Code.UNKNOWN_NAME, name);
            }
            b = b.with(m, budgetValue(m, value));
        }
        return b;
    }

    private static double budgetValue(dev.kpp.model.plan.Metric m, String value) {
        return quantity(value, m.unit(), "budget");
    }

    /**
     * Parses a growth rate: {@code 150/month} (Services per month; also {@code /mo}, {@code /week},
     * {@code /year}) or {@code 5%/month} (compound; a bare {@code 5%} is per month).
     *
     * @throws InvalidValueException naming {@code growth}
     */
    public static dev.kpp.model.advice.Growth growth(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        String per = "month";
        int slash = t.indexOf('/');
        if (slash >= 0) {
            per = t.substring(slash + 1);
            t = t.substring(0, slash);
        }
        double months = switch (per) {
            case "month", "mo", "m" -> 1;
            case "week", "wk", "w" -> 7 / dev.kpp.model.advice.Growth.DAYS_PER_MONTH;
            case "day", "d" -> 1 / dev.kpp.model.advice.Growth.DAYS_PER_MONTH;
            case "year", "yr", "y" -> 12;
            case "quarter", "q" -> 3;
            default -> throw InvalidValueException.of("growth", InvalidValueException.Code.UNKNOWN_NAME, per);
        };
        if (t.endsWith("%")) {
            double share = number(t.substring(0, t.length() - 1), "growth") / 100;
            return new dev.kpp.model.advice.Growth.Compound(Math.pow(1 + share, 1 / months) - 1);
        }
        return new dev.kpp.model.advice.Growth.Linear(number(t, "growth") / months);
    }

    /** @return the kernel version {@code text} names */
    public static KernelVersion kernel(String text) {
        return KernelVersion.parse(text);
    }

    /** @return the Kubernetes version {@code text} names */
    public static KubeVersion kubernetesVersion(String text) {
        return KubeVersion.parse(text);
    }
}
