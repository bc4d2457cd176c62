package dev.kpp.model.advice;

import dev.kpp.model.units.InvalidValueException;

import java.time.Duration;
import java.time.Instant;

/** How fast the number of Services grows: linear (Services per month) or compound (a share per month). */
public sealed interface Growth permits Growth.Linear, Growth.Compound {
    /** Average days per month (365.25 / 12). */
    double DAYS_PER_MONTH = 30.4375;

    /**
     * @return months until {@code from} Services grow to {@code to}; NaN when they never do (no growth,
     *         or {@code to} is not above {@code from})
     */
    double monthsTo(double from, double to);

    /** @return the Services after {@code months} */
    double servicesAfter(double from, double months);

    /**
     * A fixed number of Services per month.
     *
     * @param servicesPerMonth Services added per month (may be negative: shrinking)
     */
    record Linear(double servicesPerMonth) implements Growth {
        @Override
        public double monthsTo(double from, double to) {
            if (!(servicesPerMonth > 0) || !(to > from)) {
                return Double.NaN;
            }
            return (to - from) / servicesPerMonth;
        }

        @Override
        public double servicesAfter(double from, double months) {
            return Math.max(0, from + servicesPerMonth * months);
        }
    }

    /**
     * A share of Services added per month, compounding.
     *
     * @param sharePerMonth e.g. 0.05 for 5% a month
     */
    record Compound(double sharePerMonth) implements Growth {
        public Compound {
            if (!(sharePerMonth > -1) || sharePerMonth > 10) {
                throw InvalidValueException.range("growth", -1, 10, sharePerMonth);
            }
        }

        @Override
        public double monthsTo(double from, double to) {
            if (!(sharePerMonth > 0) || !(to > from) || !(from > 0)) {
                return Double.NaN;
            }
            return Math.log(to / from) / Math.log1p(sharePerMonth);
        }

        @Override
        public double servicesAfter(double from, double months) {
            return from * Math.pow(1 + sharePerMonth, months);
        }
    }

    /**
     * @return the linear rate between two snapshots of the same cluster
     * @throws InvalidValueException when the snapshots are not in time order
     */
    static Linear between(long servicesBefore, Instant before, long servicesAfter, Instant after) {
        double days = Duration.between(before, after).toSeconds() / 86_400.0;
        if (!(days > 0)) {
            throw InvalidValueException.of("growth", InvalidValueException.Code.OUT_OF_RANGE,
                    before + " .. " + after);
        }
        return new Linear((servicesAfter - servicesBefore) / (days / DAYS_PER_MONTH));
    }
}
