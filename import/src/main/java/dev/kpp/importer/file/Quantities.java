package dev.kpp.importer.file;

import java.math.BigDecimal;

/** Kubernetes resource quantities ({@code 7910m}, {@code 16Gi}) and Go durations ({@code 1h0m0s}). */
final class Quantities {
    private Quantities() {
    }

    /**
     * Parses a quantity to a plain number (cores for CPU, bytes for memory).
     *
     * @throws IllegalArgumentException when the text is not a quantity
     */
    static double parseQuantity(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty quantity");
        }
        String[][] binary = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"Pi", "1125899906842624"}, {"Ei", "1152921504606846976"}};
        for (String[] b : binary) {
            if (s.endsWith(b[0])) {
                return number(s.substring(0, s.length() - 2), text).multiply(new BigDecimal(b[1])).doubleValue();
            }
        }
        String[][] decimal = {{"n", "1e-9"}, {"u", "1e-6"}, {"m", "1e-3"}, {"k", "1e3"}, {"M", "1e6"}, {"G", "1e9"},
            {"T", "1e12"}, {"P", "1e15"}, {"E", "1e18"}};
        for (String[] d : decimal) {
            if (s.endsWith(d[0])) {
                return number(s.substring(0, s.length() - 1), text).multiply(new BigDecimal(d[1])).doubleValue();
            }
        }
        return number(s, text).doubleValue();
    }

    private static BigDecimal number(String s, String original) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a quantity: '" + original + "'");
        }
    }

    /**
     * Parses a Go duration ({@code 300ms}, {@code 1h0m0s}, {@code 1.5s}) to seconds.
     *
     * @throws IllegalArgumentException when the text is not a duration
     */
    static double parseDuration(String text) {
        String s = text.strip();
        if (s.equals("0")) {
            return 0;
        }
        double total = 0;
        int i = 0;
        boolean any = false;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (expected e.g. 30s or 1h0m0s)");
            }
            double v = Double.parseDouble(s.substring(start, i));
            int us = i;
            while (i < s.length() && !(Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String unit = s.substring(us, i);
            double factor = switch (unit) {
                case "ns" -> 1e-9;
                case "us", "µs" -> 1e-6;
                case "ms" -> 1e-3;
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> throw new IllegalArgumentException("not a duration: '" + text
                        + "' (expected e.g. 30s or 1h0m0s)");
            };
            total += v * factor;
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("not a duration: '" + text + "'");
        }
        return total;
    }
}
