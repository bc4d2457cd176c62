package dev.kpp.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kpp.app.text.Numbers;
import dev.kpp.model.cost.Estimate;
import dev.kpp.model.plan.Crossover;
import dev.kpp.model.plan.Metric;
import dev.kpp.model.plan.MetricCatalog;
import dev.kpp.model.plan.ModePrediction;
import dev.kpp.model.plan.Plan;
import dev.kpp.model.plan.Prediction;
import dev.kpp.model.plan.SweepResult;

import java.io.UncheckedIOException;

/**
 * The report's JSON and CSV: the JSON is {@code kpp predict --format json}'s contract document with
 * the advisor's {@code recommendation} object (byte for byte the same values) and a {@code report}
 * object: the title, date, the headline figures with the text the PDF shows, every crossover and the
 * charts' growth data. The CSV is two files: the per-mode table ({@code kpp predict --format csv}'s
 * columns) and the growth sweep in long form.
 */
public final class ReportFormats {
    /** The version of the {@code report} object. */
    public static final int REPORT_SCHEMA = 1;

    private ReportFormats() {
    }

    /** @return the report as JSON */
    public static String json(ReportModel m) {
        Prediction p = m.plan().current();
        ObjectNode root = PredictionFormats.jsonTree(p, m.planInput().source(), m.planInput().assumptions(),
                m.imported());
        root.set("recommendation", RecommendationFormats.json(m.recommendation()));
        ObjectNode r = root.putObject("report");
        r.put("schema", REPORT_SCHEMA);
        r.put("title", ReportBuilder.title(m));
        r.put("subject", ReportBuilder.subject(m));
        r.put("date", m.input().date().toString());
        r.put("redacted", m.input().redacted());
        ArrayNode head = r.putArray("headline");
        for (ModePrediction mp : p.modes()) {
            for (Metric x : MetricCatalog.headline()) {
                Estimate e = x.of(mp);
                ObjectNode o = head.addObject();
                o.put("mode", mp.mode().id());
                o.put("metric", x.key());
                o.put("unit", x.unit().id());
                o.put("value", e.value());
                o.put("low", e.low());
                o.put("high", e.high());
                o.put("confidence", e.confidence().id());
                if (!e.reason().isEmpty()) {
                    o.put("reason", e.reason());
                }
                o.put("text", Numbers.band(e, x.unit()));
            }
        }
        ArrayNode cross = r.putArray("crossovers");
        for (Crossover c : m.plan().crossovers()) {
            ObjectNode o = cross.addObject();
            o.put("metric", c.metric().key());
            o.put("mode", c.mode().id());
            if (c.other() != null) {
                o.put("other", c.other().id());
            }
            o.put("services", PredictionFormats.sig(c.services(), 4));
            o.put("value", PredictionFormats.sig(c.value(), 4));
            o.put("rising", c.rising());
            if (c.budget().isPresent()) {
                o.put("budget", c.budget().getAsDouble());
            }
        }
        ObjectNode g = r.putObject("growth");
        SweepResult s = m.plan().growth();
        ArrayNode xs = g.putArray("services");
        for (double v : s.values()) {
            xs.add((long) v);
        }
        ArrayNode series = g.putArray("series");
        for (Metric x : ReportBuilder.chartMetrics(m.plan())) {
            for (ModePrediction mp : p.modes()) {
                ObjectNode o = series.addObject();
                o.put("metric", x.key());
                o.put("mode", mp.mode().id());
                ArrayNode val = o.putArray("value");
                ArrayNode lo = o.putArray("low");
                ArrayNode hi = o.putArray("high");
                for (Estimate e : s.estimates(x, mp.mode())) {
                    val.add(PredictionFormats.sig(e.value(), 4));
                    lo.add(PredictionFormats.sig(e.low(), 4));
                    hi.add(PredictionFormats.sig(e.high(), 4));
                }
            }
        }
        try {
            return PredictionFormats.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the per-mode table: the same columns as {@code kpp predict --format csv} */
    public static String modesCsv(ReportModel m) {
        return PredictionFormats.csv(m.plan().current());
    }

    /**
     * @return the growth sweep in long form, one row per Service count, mode and chartable figure:
     *         {@code services,mode,metric,unit,value,low,high,confidence}
     */
    public static String sweepCsv(Plan plan) {
        StringBuilder sb = new StringBuilder("services,mode,metric,unit,value,low,high,confidence\n");
        SweepResult s = plan.growth();
        double[] xs = s.values();
        Prediction first = s.points().get(0);
        for (int i = 0; i < xs.length; i++) {
            for (ModePrediction mp : first.modes()) {
                for (Metric x : MetricCatalog.chartable()) {
                    Estimate e = x.of(s.points().get(i).mode(mp.mode()));
                    sb.append((long) xs[i]).append(',').append(mp.mode().id()).append(',').append(x.key()).append(',')
                            .append(x.unit().id()).append(',').append(PredictionFormats.csvNum(e.value())).append(',')
                            .append(PredictionFormats.csvNum(e.low())).append(',')
                            .append(PredictionFormats.csvNum(e.high())).append(',').append(e.confidence().id())
                            .append('\n');
                }
            }
        }
        return sb.toString();
    }
}
