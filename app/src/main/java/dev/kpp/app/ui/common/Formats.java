package dev.kpp.app.ui.common;

import java.util.Locale;

/** Number formatting shared by the table, charts and status texts (English digits, like the reports). */
public final class Formats {
    private Formats() {
    }

    /** @return e.g. 950, 12.4k, 3.1M; one significant decimal below 100 */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 9_995_000) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e6)) + "M";
        }
        if (a >= 999_500) {
            return trim(String.format(Locale.ROOT, "%.2f", v / 1e6)) + "M";
        }
        if (a >= 9_995) {
            return trim(String.format(Locale.ROOT, "%.1f", v / 1e3)) + "k";
        }
        return number(v);
    }

    /** @return grouped with sensible precision: 12,345 / 123 / 12.3 / 1.23 / 0.012 */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return trim(String.format(Locale.ROOT, "%.1f", v));
        }
        if (a >= 0.1) {
            return trim(String.format(Locale.ROOT, "%.2f", v));
        }
        if (a >= 0.001) {
            return trim(String.format(Locale.ROOT, "%.3g", v));
        }
        int exp = (int) Math.floor(Math.log10(a));
        double mant = v / Math.pow(10, exp);
        String m = trim(String.format(Locale.ROOT, "%.2f", mant));
        return m + "e" + exp;
    }

    /** @return an integer with grouping: 50,000 */
    public static String integer(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** @return a share as a percentage: 15% */
    public static String percent(double share) {
        return trim(String.format(Locale.ROOT, "%.1f", share * 100)) + "%";
    }

    private static String trim(String s) {
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}
