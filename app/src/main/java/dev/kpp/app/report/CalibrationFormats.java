package dev.kpp.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.AppInfo;
import dev.kpp.model.calibration.Calibration;
import dev.kpp.model.calibration.FitReport;
import dev.kpp.model.calibration.FittedParameter;
import dev.kpp.model.calibration.FormScore;
import dev.kpp.model.calibration.SourceFactor;
import dev.kpp.model.calibration.ValidationRow;
import dev.kpp.model.cost.Assumptions;

import java.io.UncheckedIOException;
import java.util.Locale;

/** Text and JSON renderings of the calibration ({@code kpp calibrate}, {@code kpp validate}). */
public final class CalibrationFormats {
    private CalibrationFormats() {
    }

    /** @return fitted parameters with standard errors and fit quality, as a table */
    public static String parametersTable(Calibration cal) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "kpp %s calibration, fitted at run time from %s%n%n", AppInfo.version(),
                cal.origin()));
        sb.append(familyTable(cal)).append('\n');
        for (FitReport r : cal.reports()) {
            sb.append(r.id()).append(": ").append(r.title()).append('\n');
            for (FittedParameter p : r.parameters()) {
                sb.append(String.format(Locale.ROOT, "    %-16s = %12s  +- %-10s %s%n", p.name(),
                        PredictionFormats.num(p.value()),
                        Double.isNaN(p.standardError()) ? "n/a" : PredictionFormats.num(p.standardError()), p.unit()));
            }
            sb.append(String.format(Locale.ROOT,
                    "    %d points used; factor error in sample median %s worst %s; leave-one-out median %s worst %s; "
                            + "90%% band x/%s%n", r.usedRows().size(), f(r.inSampleMedianFactor()),
                    f(r.inSampleWorstFactor()), f(r.looMedianFactor()), f(r.looWorstFactor()),
                    f(cal.bandFactor(r.id()))));
            if (!r.structural()) {
                StringBuilder forms = new StringBuilder();
                for (FormScore fs : r.forms()) {
                    forms.append(forms.length() == 0 ? "" : ", ").append(fs.form()).append(fs.chosen() ? "*" : "")
                            .append(" LOO ").append(f(fs.looMedianFactor()));
                }
                sb.append("    form ").append(r.form()).append(" (candidates, chosen by leave-one-out: ").append(forms)
                        .append(")\n");
                if (r.sources() >= 2) {
                    StringBuilder sf = new StringBuilder();
                    for (SourceFactor factor : r.sourceFactors()) {
                        sf.append(sf.length() == 0 ? "" : ", ").append(factor.source()).append(" x")
                                .append(f(factor.factor())).append(" (").append(factor.rows()).append(')');
                    }
                    sb.append("    source factors: ").append(sf).append('\n');
                }
            }
            sb.append('\n');
        }
        sb.append("Assumptions (documented defaults where a source leaves a condition out):\n");
        for (Assumptions a : Assumptions.values()) {
            sb.append(String.format(Locale.ROOT, "    %-24s = %10s %-10s %s%n", a.code(), PredictionFormats.num(
                    cal.costParameters().assumption(a.code())), a.unit(), a.basis()));
        }
        sb.append('\n');
        sb.append("Factor error = max(predicted/measured, measured/predicted). Per-point table: kpp validate.\n");
        return sb.toString();
    }

    /** @return the calibration as JSON */
    public static String json(Calibration cal, boolean withRows) {
        ObjectNode root = PredictionFormats.mapper().createObjectNode();
        root.putObject("kpp").put("version", AppInfo.version()).put("schema", PredictionFormats.JSON_SCHEMA);
        root.put("dataset", cal.origin());
        root.put("rowsUsed", cal.rowsUsed());
        root.put("looCoverage90", PredictionFormats.sig(cal.looCoverage(), 4));
        putNumber(root, "betweenSourceSigma", cal.betweenSourceSigma());
        root.put("fitMillis", PredictionFormats.sig(cal.fitMillis(), 4));
        ArrayNode assumptions = root.putArray("assumptions");
        for (Assumptions a : Assumptions.values()) {
            assumptions.addObject().put("code", a.code()).put("value", cal.costParameters().assumption(a.code()))
                    .put("unit", a.unit()).put("basis", a.basis());
        }
        ArrayNode models = root.putArray("models");
        for (FitReport r : cal.reports()) {
            ObjectNode m = models.addObject();
            m.put("id", r.id());
            m.put("title", r.title());
            m.put("unit", r.unit());
            ArrayNode params = m.putArray("parameters");
            for (FittedParameter p : r.parameters()) {
                ObjectNode o = params.addObject();
                o.put("name", p.name());
                o.put("unit", p.unit());
                o.put("value", PredictionFormats.sig(p.value(), 6));
                if (Double.isNaN(p.standardError())) {
                    o.putNull("standardError");
                } else {
                    o.put("standardError", PredictionFormats.sig(p.standardError(), 4));
                }
            }
            ObjectNode v = m.putObject("validation");
            v.put("points", r.usedRows().size());
            v.put("inSampleMedianFactor", PredictionFormats.sig(r.inSampleMedianFactor(), 4));
            v.put("inSampleWorstFactor", PredictionFormats.sig(r.inSampleWorstFactor(), 4));
            v.put("looMedianFactor", PredictionFormats.sig(r.looMedianFactor(), 4));
            v.put("looWorstFactor", PredictionFormats.sig(r.looWorstFactor(), 4));
            v.put("bandFactor90", PredictionFormats.sig(cal.bandFactor(r.id()), 4));
            putNumber(v, "lsoMedianFactor", r.lsoMedianFactor());
            putNumber(v, "lsoWorstFactor", r.lsoWorstFactor());
            putNumber(v, "looCoverage90", r.looCoverage());
            putNumber(v, "lsoCoverage90", r.lsoCoverage());
            v.put("sources", r.sources());
            m.put("form", r.form());
            m.put("confidence", r.confidence());
            m.put("reason", r.reason());
            ArrayNode forms = m.putArray("forms");
            for (FormScore fs : r.forms()) {
                ObjectNode o = forms.addObject();
                o.put("form", fs.form()).put("parameters", fs.parameters()).put("chosen", fs.chosen());
                putNumber(o, "inSampleMedianFactor", fs.inSampleMedianFactor());
                putNumber(o, "looMedianFactor", fs.looMedianFactor());
                putNumber(o, "looRmsLog", fs.looRmsLog());
            }
            ArrayNode factors = m.putArray("sourceFactors");
            for (SourceFactor sf : r.sourceFactors()) {
                factors.addObject().put("source", sf.source()).put("rows", sf.rows())
                        .put("factor", PredictionFormats.sig(sf.factor(), 4));
            }
            if (withRows) {
                ArrayNode rows = m.putArray("rows");
                for (ValidationRow row : r.rows()) {
                    ObjectNode o = rows.addObject();
                    o.put("benchmarkId", row.benchmarkId());
                    o.put("used", row.used());
                    o.put("conditions", row.conditions());
                    o.put("measured", row.measured());
                    putNumber(o, "predicted", row.predicted());
                    putNumber(o, "looPredicted", row.looPredicted());
                    putNumber(o, "factorError", row.factorError());
                    putNumber(o, "looFactorError", row.looFactorError());
                    o.put("note", row.note());
                    putNumber(o, "lsoPredicted", row.lsoPredicted());
                    putNumber(o, "lsoFactorError", row.lsoFactorError());
                    o.put("source", row.source());
                    o.put("reasonCode", row.reasonCode());
                    o.put("inLooBand", row.inLooBand());
                }
            }
        }
        try {
            return PredictionFormats.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, PredictionFormats.sig(v, 5));
        }
    }

    /** @return the per-point validation table, used rows first, then rows not used with the reason */
    public static String validationTable(Calibration cal) {
        StringBuilder sb = new StringBuilder();
        for (FitReport r : cal.reports()) {
            sb.append(String.format(Locale.ROOT, "%s — %s (%s)%n", r.id(), r.title(), r.unit()));
            sb.append(String.format(Locale.ROOT, "  %-11s %11s %11s %11s %7s %7s  %s%n", "benchmark", "measured",
                    "predicted", "LOO pred", "error", "LOO err", "conditions"));
            for (ValidationRow row : r.usedRows()) {
                sb.append(String.format(Locale.ROOT, "  %-11s %11s %11s %11s %7s %7s  %s%n", row.benchmarkId(),
                        PredictionFormats.num(row.measured()), PredictionFormats.num(row.predicted()),
                        PredictionFormats.num(row.looPredicted()), f(row.factorError()), f(row.looFactorError()),
                        row.conditions()));
            }
            sb.append(String.format(Locale.ROOT, "  median factor error %s (leave-one-out %s), worst %s (%s)%n",
                    f(r.inSampleMedianFactor()), f(r.looMedianFactor()), f(r.inSampleWorstFactor()),
                    f(r.looWorstFactor())));
            if (!r.structural()) {
                sb.append(String.format(Locale.ROOT, "  leave-source-out median %s over %d sources; 90%% band x/%s "
                        + "holds %s of the rows left out one by one (%s left out by source); confidence %s%s%n",
                        f(r.lsoMedianFactor()), r.sources(), f(r.bandFactor90()), pct(r.looCoverage()),
                        pct(r.lsoCoverage()), r.confidence(), r.reason().isEmpty() ? "" : " (" + r.reason() + ")"));
            }
            boolean header = false;
            for (ValidationRow row : r.rows()) {
                if (row.used()) {
                    continue;
                }
                if (!header) {
                    sb.append("  not used:\n");
                    header = true;
                }
                sb.append(String.format(Locale.ROOT, "  %-11s %11s  %-13s %s%n", row.benchmarkId(),
                        PredictionFormats.num(row.measured()), row.reasonCode(), row.note()));
            }
            sb.append('\n');
        }
        sb.append(familyTable(cal));
        sb.append(String.format(Locale.ROOT, "%d rows used; overall leave-one-out coverage of the 90%% bands %s "
                + "(target 80-95%%); fit took %.0f ms%n", cal.rowsUsed(), pct(cal.looCoverage()), cal.fitMillis()));
        return sb.toString();
    }

    /**
     * @return one line per family: form, in-sample, leave-one-out and leave-source-out median factor errors, the
     *         90% band, its empirical leave-one-out coverage, rows, sources and confidence
     */
    public static String familyTable(Calibration cal) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-20s %-12s %6s %6s %6s %6s %6s %5s %4s  %s%n", "family", "form",
                "in", "LOO", "LSO", "band", "cover", "rows", "src", "confidence"));
        for (FitReport r : cal.reports()) {
            sb.append(String.format(Locale.ROOT, "%-20s %-12s %6s %6s %6s %6s %6s %5d %4d  %s%n", r.id(), r.form(),
                    f(r.inSampleMedianFactor()), f(r.looMedianFactor()), f(r.lsoMedianFactor()),
                    f(r.bandFactor90()), pct(r.looCoverage()), r.usedRows().size(), r.sources(),
                    r.confidence() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")));
        }
        return sb.toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** @return the per-point table as CSV */
    public static String validationCsv(Calibration cal) {
        StringBuilder sb = new StringBuilder("model,benchmark_id,used,measured,predicted,loo_predicted,factor_error,"
                + "loo_factor_error,conditions,note,lso_predicted,lso_factor_error,source,reason_code,in_loo_band\n");
        for (FitReport r : cal.reports()) {
            for (ValidationRow row : r.rows()) {
                sb.append(r.id()).append(',').append(row.benchmarkId()).append(',').append(row.used()).append(',')
                        .append(row.measured()).append(',').append(n(row.predicted())).append(',')
                        .append(n(row.looPredicted())).append(',').append(n(row.factorError())).append(',')
                        .append(n(row.looFactorError())).append(',').append(csv(row.conditions())).append(',')
                        .append(csv(row.note())).append(',').append(n(row.lsoPredicted())).append(',')
                        .append(n(row.lsoFactorError())).append(',').append(csv(row.source())).append(',')
                        .append(row.reasonCode()).append(',').append(row.inLooBand()).append('\n');
            }
        }
        return sb.toString();
    }

    private static String n(double v) {
        return Double.isNaN(v) ? "" : Double.toString(PredictionFormats.sig(v, 5));
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
