package dev.kpp.model.calibration;

import dev.kpp.model.cost.CostParameters;

import java.util.List;
import java.util.Locale;

/**
 * One calibration family: which rows it uses, the candidate physical forms (compared by leave-one-out), and
 * whether sources get their own factor. The forms call {@link dev.kpp.model.cost.Forms}, so what is fitted is what
 * the cost engine predicts.
 */
abstract class FamilySpec {
    final String id;
    final String title;
    final String xLabel;
    final String unit;

    FamilySpec(String id, String title, String xLabel, String unit) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.unit = unit;
    }

    /**
     * @param data   the dataset
     * @param fitted the families fitted before this one (some families use earlier fits as inputs)
     * @return the rows the family fits
     */
    abstract List<Observation> observations(BenchmarkDataset data, CostParameters fitted);

    /** @return rows shown against the fit without taking part in it (derived duplicates), default none */
    List<Observation> checks(BenchmarkDataset data, CostParameters fitted) {
        return List.of();
    }

    /** @return the candidate forms, the physics-preferred one first */
    abstract List<CandidateForm> forms(List<Observation> obs);

    /** @return true when each source gets a fitted factor (hardware, kernel, method) */
    boolean sourceFactors() {
        return true;
    }

    /**
     * @return true when leave-source-out is meaningful: false for families whose sources carry parameters of
     *         their own (a source left out leaves them undetermined)
     */
    boolean leaveSourceOut() {
        return true;
    }

    /**
     * @return parameters that belong to one source only (by source key: parameter indexes), e.g. the unstated
     *         sync durations of a scalability job. Leaving such a source out fits the shared parameters on the
     *         other sources, then only its own parameters on its rows, and predicts them
     */
    java.util.Map<String, int[]> sourceParameters() {
        return java.util.Map.of();
    }

    /**
     * A candidate form.
     *
     * @param id       form id (a {@link dev.kpp.model.cost.Forms} form constant)
     * @param names    parameter names, as the cost engine reads them
     * @param units    their units
     * @param initial  positive starting values
     * @param model    the prediction in the family's unit
     * @param fixed    parameters the form takes from another family instead of fitting them (pooled), by name
     * @param priorSigma log-normal prior spread per parameter around its initial value (NaN: none)
     */
    record CandidateForm(String id, List<String> names, List<String> units, double[] initial,
                         LogSpaceFitter.Model model, java.util.Map<String, Double> fixed, double[] priorSigma) {
        CandidateForm {
            names = List.copyOf(names);
            units = List.copyOf(units);
            initial = initial.clone();
            fixed = java.util.Map.copyOf(fixed);
            if (priorSigma == null) {
                priorSigma = new double[initial.length];
                java.util.Arrays.fill(priorSigma, Double.NaN);
            }
            priorSigma = priorSigma.clone();
            if (names.size() != units.size() || names.size() != initial.length) {
                throw new IllegalArgumentException("form " + id + ": names, units and initial values differ");
            }
        }

        CandidateForm(String id, List<String> names, List<String> units, double[] initial, LogSpaceFitter.Model model) {
            this(id, names, units, initial, model, java.util.Map.of(), null);
        }

        CandidateForm(String id, List<String> names, List<String> units, double[] initial, LogSpaceFitter.Model model,
                      java.util.Map<String, Double> fixed) {
            this(id, names, units, initial, model, fixed, null);
        }
    }

    /** Builds an observation of this family (weight 1: every row counts alike; sources differ by their factor). */
    Observation obs(BenchmarkPoint p, double measured, double[] features, double x, String series,
                    String conditions) {
        return new Observation(id, p, measured, features, 1.0, x, series, conditions);
    }

    /** @return a row's value in seconds (units s, ms, us, ns_per_op, min, hours) */
    static double seconds(BenchmarkPoint p) {
        String u = p.unit().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "s" -> p.value();
            case "ms" -> p.value() / 1e3;
            case "us" -> p.value() / 1e6;
            case "ns_per_op" -> p.value() / 1e9;
            case "min" -> p.value() * 60;
            case "hours" -> p.value() * 3600;
            default -> throw new IllegalArgumentException(p.id() + ": no time unit '" + p.unit() + "'");
        };
    }

    /** @return a row's value in MiB (units MiB, MB, GB) */
    static double mebibytes(BenchmarkPoint p) {
        return switch (p.unit()) {
            case "MiB" -> p.value();
            case "MB" -> p.value() * 1e6 / (1 << 20);
            case "GB" -> p.value() * 1e9 / (1 << 20);
            default -> throw new IllegalArgumentException(p.id() + ": no memory unit '" + p.unit() + "'");
        };
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
