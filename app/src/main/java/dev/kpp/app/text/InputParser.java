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
     * durations in seconds as {@code 1}, {@code 1s}, {@code 500ms}, {@code 250us}/{@code 250µs};
     * milliseconds as {@code 1}, {@code 1ms}, {@code 500us}, {@code 0.2s}; CPU as {@code 0.25} or
     * {@code 250m} (millicores); percentages as {@code 75} or {@code 75%}; counts as {@link #number}.
     *
     * @param text  what was typed
     * @param unit  the quantity's unit (the value returned is in it)
     * @param field names the input in errors
     * @return the value, never negative
     * @throws InvalidValueException ({@code NOT_A_NUMBER} or {@code OUT_OF_RANGE} below 0)
     */
    public static double quantity(String text, Unit unit, String field) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('µ', 'u');
        double v = switch (unit) {
            case SECONDS -> timeIn(t, 1, field);
            case MILLISECONDS -> timeIn(t, 1e-3, field);
            case CORES -> t.endsWith("m") ? number(t.substring(0, t.length() - 1).trim(), field) / 1000
                    : number(t, field);
            case PERCENT -> number(t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t, field);
            case FRACTION -> t.endsWith("%") ? number(t.substring(0, t.length() - 1).trim(), field) / 100
                    : number(t, field);
            default -> number(t, field);
        };
        if (v < 0) {
            throw InvalidValueException.of(field, InvalidValueException.Code.OUT_OF_RANGE, t);
        }
        return v;
    }

    /** @return a duration in units of {@code scale} seconds; a bare number is already in that unit */
    private static double timeIn(String t, double scale, String field) {
        String[][] suffixes = {{"ms", "0.001"}, {"us", "0.000001"}, {"ns", "0.000000001"}, {"s", "1"}};
        for (String[] s : suffixes) {
            if (t.endsWith(s[0])) {
                return number(t.substring(0, t.length() - s[0].length()).trim(), field) * Double.parseDouble(s[1])
                        / scale;
            }
        }
        return number(t, field);
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
