package dev.kpp.model.plan;

import dev.kpp.model.scenario.ScenarioParams;
import dev.kpp.model.units.InvalidValueException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Predictions along one varied input (for charts and {@code kpp sweep}). */
public final class Sweep {
    /** Most points one sweep computes. */
    public static final int MAX_POINTS = 10_000;

    private Sweep() {
    }

    /** The inputs a sweep can vary. */
    public enum Input {
        SERVICES("services"),
        ENDPOINTS("endpoints"),
        REQUESTS_PER_SECOND("requests-per-second"),
        REQUESTS_PER_CONNECTION("requests-per-connection");

        private final String id;

        Input(String id) {
            this.id = id;
        }

        /** @return the CLI identifier */
        public String id() {
            return id;
        }

        /** Parses a CLI identifier. */
        public static Input fromId(String s) {
            for (Input i : values()) {
                if (i.id.equals(s.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
            throw InvalidValueException.of("vary", InvalidValueException.Code.UNKNOWN_NAME, s);
        }

        /** @return the scenario with this input set to v (counts rounded) */
        public ScenarioParams apply(ScenarioParams p, double v) {
            return switch (this) {
                case SERVICES -> p.withServices(Math.round(v));
                case ENDPOINTS -> p.withEndpointsPerService((int) Math.round(v));
                case REQUESTS_PER_SECOND -> p.withRequestsPerSecond(v);
                case REQUESTS_PER_CONNECTION -> p.withRequestsPerConnection(v);
            };
        }

        /** @return the value of this input in a scenario */
        public double applied(ScenarioParams p) {
            return switch (this) {
                case SERVICES -> p.services();
                case ENDPOINTS -> p.endpointsPerService();
                case REQUESTS_PER_SECOND -> p.requestsPerSecond();
                case REQUESTS_PER_CONNECTION -> p.requestsPerConnection();
            };
        }
    }

    /** Point spacing. */
    public enum Spacing {
        LINEAR, LOG
    }

    /** @return log spacing when the range spans a factor of 10 or more, else linear */
    public static Spacing defaultSpacing(double from, double to) {
        return from > 0 && to / from >= 10 ? Spacing.LOG : Spacing.LINEAR;
    }

    /**
     * @return {@code points} values from {@code from} to {@code to}
     * @throws IllegalArgumentException for fewer than 2 points or a log range that is not positive
     */
    public static List<Double> values(double from, double to, int points, Spacing spacing) {
        if (points < 2 || points > MAX_POINTS) {
            throw InvalidValueException.range("points", 2, MAX_POINTS, points);
        }
        if (spacing == Spacing.LOG && (from <= 0 || to <= 0)) {
            throw InvalidValueException.of("from", InvalidValueException.Code.LOG_RANGE_NOT_POSITIVE,
                    InvalidValueException.plain(Math.min(from, to)));
        }
        List<Double> out = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            double t = i / (double) (points - 1);
            out.add(spacing == Spacing.LOG ? from * Math.pow(to / from, t) : from + (to - from) * t);
        }
        return out;
    }
}
