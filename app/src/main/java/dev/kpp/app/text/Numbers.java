package dev.kpp.app.text;

import dev.kpp.model.cost.Estimate;
import dev.kpp.model.scenario.ScenarioField;
import dev.kpp.model.units.Unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one number formatter: the window, the CLI and the reports show every figure through it, so
 * they show the same digits. Rules:
 * <ul>
 *   <li>exact counts in full with grouping ({@code 20,022}); fitted and interpolated values to three
 *       significant digits, half-up ({@code 1,234.5 -> 1,230});</li>
 *   <li>durations in the unit that keeps the number readable: ns, µs, ms, s, min, h
 *       ({@code 0.000183 s -> 183 µs});</li>
 *   <li>CPU below one core in millicores, as Kubernetes writes them ({@code 0.292 -> 292m}), else cores;</li>
 *   <li>shares and utilisations as percentages; no scientific notation anywhere;</li>
 *   <li>compact suffixes (k, M) only for chart axis ticks ({@link #tick}).</li>
 * </ul>
 * English digits and separators (Locale.ROOT with grouping), like the golden files.
 */
public final class Numbers {
    /** Significant digits of fitted values. */
    public static final int DIGITS = 3;

    private Numbers() {
    }

    /** @return {@code v} rounded half-up to {@code digits} significant digits */
    public static double sig(double v, int digits) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }

    /** @return a count in full with grouping: 20,022 (rounded half-up to a whole number) */
    public static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** @return an exact (structural) figure: whole with grouping from 100 up (10,019), else one decimal (14.5) */
    public static String exact(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return count(v);
        }
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? count(r) : new BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
    }

    /**
     * @return a plain decimal with grouping and three significant digits (no unit): 1,230 / 12.3 / 0.0123;
     *         whole numbers below 1,000 stay whole
     */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        double r = sig(v, DIGITS);
        if (Math.abs(r) >= 1000 || r == Math.rint(r)) {
            return String.format(Locale.ROOT, "%,d", Math.round(r));
        }
        String plain = new BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
        return plain;
    }

    /**
     * @param v     the value
     * @param unit  its unit
     * @param exact true for structural counts (shown in full), false for fitted values (3 digits)
     * @return the value with its unit, e.g. "20,022 rules", "155 ms", "292m", "42.1%"
     */
    public static String format(double v, Unit unit, boolean exact) {
        return switch (unit) {
            case SECONDS -> duration(v);
            case MILLISECONDS -> duration(v / 1000);
            case CORES -> cores(v);
            case PERCENT -> percentValue(v);
            case FRACTION -> percentValue(v * 100);
            case BYTES -> bytes(v);
            case RULES, LOOKUPS, OBJECTS, SERVICES, COUNT -> exact ? exact(v) : number(v);
        };
    }

    /** @return the estimate's value with its unit (3 digits unless it is exact) */
    public static String format(Estimate e, Unit unit) {
        return format(e.value(), unit, e.confidence() == Estimate.Confidence.EXACT);
    }

    /**
     * @return the estimate with its band when it has one: "155 ms [62–390 ms]", "292m [126–687m]",
     *         "10,019 [10,011–20,022]"
     */
    public static String band(Estimate e, Unit unit) {
        String value = format(e, unit);
        String range = shownRange(e, unit);
        return range.isEmpty() ? value : value + " [" + range + "]";
    }

    /**
     * @return the estimate's band as "low–high unit", or "" when it has none or when both ends format to
     *         the same number ("1–1 cores" for a saturated control plane is no band at 3 digits)
     */
    public static String shownRange(Estimate e, Unit unit) {
        if (!e.hasSpread()) {
            return "";
        }
        String range = range(e.low(), e.high(), e.value(), unit, e.confidence() == Estimate.Confidence.EXACT);
        int dash = range.indexOf('–');
        if (dash > 0 && numberPart(range.substring(0, dash)).equals(numberPart(range.substring(dash + 1)))) {
            return "";
        }
        return range;
    }

    private static String numberPart(String text) {
        int end = 0;
        while (end < text.length() && "-0123456789.,\u00a0\u202f'".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return text.substring(0, end);
    }

    /** @return "low–high" in the scale of {@code ref}, the unit written once at the end */
    public static String range(double low, double high, double ref, Unit unit, boolean exact) {
        switch (unit) {
            case SECONDS, MILLISECONDS -> {
                double s = unit == Unit.MILLISECONDS ? 1e-3 : 1;
                TimeScale t = TimeScale.of(Math.abs(ref * s) > 0 ? ref * s : high * s);
                return number(low * s / t.seconds) + "–" + number(high * s / t.seconds) + " " + t.symbol;
            }
            case CORES -> {
                if (Math.abs(ref) < 1) {
                    return number(low * 1000) + "–" + number(high * 1000) + "m";
                }
                return number(low) + "–" + number(high) + " cores";
            }
            case PERCENT -> {
                return pct(low) + "–" + pct(high) + "%";
            }
            case FRACTION -> {
                return pct(low * 100) + "–" + pct(high * 100) + "%";
            }
            default -> {
                return format(low, unit, exact) + "–" + format(high, unit, exact);
            }
        }
    }

    /** @return a duration in seconds in a readable unit: "640 ns", "18.3 µs", "155 ms", "4.85 s", "4.2 min" */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        if (seconds == 0) {
            return "0 s";
        }
        TimeScale t = TimeScale.of(seconds);
        return number(seconds / t.seconds) + " " + t.symbol;
    }

    /** @return CPU: "292m" below one core (millicores), "1.25 cores" from one core */
    public static String cores(double cores) {
        if (cores == 0) {
            return "0";
        }
        if (Math.abs(sig(cores, DIGITS)) < 1) {
            return number(cores * 1000) + "m";
        }
        return number(cores) + (sig(cores, DIGITS) == 1 ? " core" : " cores");
    }

    /** @return a share 0..1 as a percentage: "15%", "0.35%" */
    public static String share(double fraction) {
        return percentValue(fraction * 100);
    }

    /** @return a percentage (0..100) with up to three significant digits and at most one decimal from 1 up */
    public static String percentValue(double percent) {
        return pct(percent) + "%";
    }

    private static String pct(double percent) {
        if (percent == 0) {
            return "0";
        }
        if (Math.abs(percent) >= 1) {
            double r = Math.round(sig(percent, DIGITS) * 10) / 10.0;
            return r == Math.rint(r) ? String.format(Locale.ROOT, "%,d", Math.round(r))
                    : new BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
        }
        return number(percent);
    }

    /** @return bytes in binary units: "260 MiB" */
    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        double v = b;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return number(v) + " " + units[i];
    }

    /** @return a Service count at a crossing (interpolated): three significant digits, "1,420" */
    public static String services(double v) {
        return number(v);
    }

    /**
     * An input value as an editable field shows it once committed: exact (never rounded to three
     * digits, so what the user typed survives), grouped, and in the form {@link InputParser} reads
     * back: counts {@code 50,000}; numbers {@code 1,234.5} (up to four decimals); shares as percentages
     * {@code 12.5%}; seconds {@code 30}.
     *
     * @param v    the value in model units (a share as 0..1)
     * @param kind the input's kind
     * @return the text
     */
    public static String input(double v, ScenarioField.Kind kind) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return switch (kind) {
            case COUNT -> count(v);
            case SHARE -> grouped(v * 100, 2) + "%";
            case NUMBER, SECONDS -> grouped(v, 4);
            case VERSION -> throw new IllegalArgumentException("a version is text");
        };
    }

    /** @return {@code v} with grouping and at most {@code decimals} decimals, trailing zeros dropped */
    static String grouped(double v, int decimals) {
        BigDecimal d = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        String whole = String.format(Locale.ROOT, "%,d", d.toBigInteger());
        if (d.scale() <= 0) {
            return whole;
        }
        String plain = d.abs().toPlainString();
        String fraction = plain.substring(plain.indexOf('.'));
        String sign = d.signum() < 0 && d.toBigInteger().signum() == 0 ? "-" : "";
        return sign + whole + fraction;
    }

    /** @return a compact axis tick: 10, 100, 1k, 10k, 1M, 0.1, 0.01 */
    public static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return trim(sig(v / 1e6, DIGITS)) + "M";
        }
        if (a >= 1e3) {
            return trim(sig(v / 1e3, DIGITS)) + "k";
        }
        return number(v);
    }

    private static String trim(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A time unit. */
    private enum TimeScale {
        NS(1e-9, "ns"), US(1e-6, "µs"), MS(1e-3, "ms"), S(1, "s"), MIN(60, "min"), H(3600, "h");

        final double seconds;
        final String symbol;

        TimeScale(double seconds, String symbol) {
            this.seconds = seconds;
            this.symbol = symbol;
        }

        /** @return the scale in which {@code v} seconds reads as 1..999 (seconds up to 120, minutes up to 120) */
        static TimeScale of(double v) {
            double a = Math.abs(sig(v, DIGITS));
            if (a < 1e-6) {
                return NS;
            }
            if (a < 1e-3) {
                return US;
            }
            if (a < 1) {
                return MS;
            }
            if (a < 120) {
                return S;
            }
            if (a < 7200) {
                return MIN;
            }
            return H;
        }
    }
}
