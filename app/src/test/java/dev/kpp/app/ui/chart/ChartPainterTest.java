package dev.kpp.app.ui.chart;

import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the painter draws, recorded: crowded labels never overlap each other, stay inside the plot
 * and the legend sits above the data; low-confidence bands are hatched (defects 5 and the hatching
 * of issue 8). Needs the toolkit for text measurement only.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ChartPainterTest {
    private static final PlotData.Format PLAIN = new PlotData.Format() {
        @Override
        public String tick(double v) {
            return String.valueOf((long) v);
        }

        @Override
        public String value(double v) {
            return String.valueOf(v);
        }
    };

    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    /** A surface that records labels (background rectangles), texts and hatching. */
    private static final class Recording implements Surface {
        final List<double[]> labels = new ArrayList<>();
        final List<double[]> texts = new ArrayList<>();
        final List<String> strings = new ArrayList<>();
        final List<String> vertical = new ArrayList<>();
        int hatched;

        @Override
        public void push(double dx, double dy) {
        }

        @Override
        public void pop() {
        }

        @Override
        public void clip(double x, double y, double w, double h) {
        }

        @Override
        public void unclip() {
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color c, double width, double alpha,
                         double... dashes) {
        }

        @Override
        public void polyline(double[] xs, double[] ys, int n, Color c, double width) {
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
        }

        @Override
        public void hatchPolygon(double[] xs, double[] ys, int n, Color c, double alpha) {
            hatched++;
        }

        @Override
        public void circle(double cx, double cy, double r, Color fill, Color stroke, double width) {
        }

        @Override
        public void roundRect(double x, double y, double w, double h, double radius, Color fill, double alpha) {
            labels.add(new double[]{x, y, w, h});
        }

        @Override
        public void text(String s, double x, double y, double size, boolean bold, Color c, HAlign h, VAlign v) {
            texts.add(new double[]{x, y});
            strings.add(s);
        }

        @Override
        public void verticalText(String s, double x, double y, double size, Color c) {
            vertical.add(s);
        }
    }

    private static PlotData crowded(boolean[] low) {
        double[] x = {10, 100, 1_000, 10_000, 100_000};
        double[] y = {1, 10, 100, 1_000, 10_000};
        double[] lo = {0.5, 5, 50, 500, 5_000};
        double[] hi = {2, 20, 200, 2_000, 20_000};
        List<PlotData.Series> series = List.of(PlotData.Series.line("iptables", "mode-iptables", x, y, lo, hi, low),
                PlotData.Series.line("IPVS", "mode-ipvs", x, new double[]{1, 2, 3, 4, 5}, null, null, null));
        List<PlotData.Annotation> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            notes.add(new PlotData.Annotation(1_000 + i * 40, 100 + i * 3, "1,0" + (10 + i)));
        }
        return new PlotData("Title", "Services", "rules", true, 10, 100_000, series, 1_100, "now: 1,100",
                List.of(new PlotData.Threshold("budget 100 rules", 100), new PlotData.Threshold("budget 110 rules", 110)),
                notes, PLAIN, PLAIN, "hatched: low confidence");
    }

    @Test
    void crowdedLabelsNeverOverlapAndStayInsideThePlot() {
        Recording r = new Recording();
        ChartPainter.Frame f = ChartPainter.paint(crowded(null), r, new Palette(c -> null), 520, 300, true, Double.NaN, 1);
        assertThat(f).isNotNull();
        assertThat(r.labels).as("some labels placed").hasSizeGreaterThan(2);
        for (int i = 0; i < r.labels.size(); i++) {
            double[] a = r.labels.get(i);
            assertThat(a[0]).isGreaterThanOrEqualTo(f.left());
            assertThat(a[0] + a[2]).isLessThanOrEqualTo(f.right());
            assertThat(a[1]).isGreaterThanOrEqualTo(f.top());
            assertThat(a[1] + a[3]).isLessThanOrEqualTo(f.bottom());
            for (int j = i + 1; j < r.labels.size(); j++) {
                double[] b = r.labels.get(j);
                boolean overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
                assertThat(overlap).as("labels %d and %d overlap", i, j).isFalse();
            }
        }
        int legend = r.strings.indexOf("iptables");
        assertThat(r.texts.get(legend)[1]).as("the legend is above the plot").isLessThan(f.top());
    }

    @Test
    void lowConfidenceBandsAreHatchedAndOthersAreNot() {
        Recording plain = new Recording();
        ChartPainter.paint(crowded(null), plain, new Palette(c -> null), 520, 300, false, Double.NaN, 1);
        assertThat(plain.hatched).isZero();
        assertThat(plain.strings).doesNotContain("hatched: low confidence");
        Recording low = new Recording();
        ChartPainter.paint(crowded(new boolean[]{false, false, true, true, true}), low, new Palette(c -> null), 520, 300,
                false, Double.NaN, 1);
        assertThat(low.hatched).as("one band, one legend swatch").isEqualTo(2);
        assertThat(low.strings).contains("hatched: low confidence");
    }

    private static PlotData titled(String yLabel) {
        double[] x = {10, 100, 1_000};
        return new PlotData("Title", "Services", yLabel, true, 10, 1_000,
                List.of(PlotData.Series.line("iptables", "mode-iptables", x, new double[]{1, 10, 100}, null, null, null)),
                Double.NaN, null, List.of(), List.of(), PLAIN, PLAIN, "hatched: low confidence");
    }

    @Test
    void theAxisTitleIsShortenedToThePlotsHeightAtWordsAndKeptWholeWhenItFits() {
        String title = "Rules per new connection";
        Recording tall = new Recording();
        ChartPainter.Frame big = ChartPainter.paint(titled(title), tall, new Palette(c -> null), 520, 400, false,
                Double.NaN, 1);
        assertThat(tall.vertical).containsExactly(title);
        Recording small = new Recording();
        ChartPainter.Frame f = ChartPainter.paint(titled(title), small, new Palette(c -> null), 300, 160, false,
                Double.NaN, 1);
        double height = f.bottom() - f.top();
        assertThat(small.textWidth(title, 11.5, false)).as("the case is one that needs it").isGreaterThan(height);
        String shown = small.vertical.get(0);
        assertThat(shown).endsWith("\u2026");
        assertThat(title).startsWith(shown.substring(0, shown.length() - 1));
        assertThat(shown.substring(0, shown.length() - 1)).as("cut after a whole word").isIn("Rules", "Rules per",
                "Rules per new");
        assertThat(big.bottom() - big.top()).isGreaterThan(height);
    }

    @Test
    void aTitleWithNoRoomLeftIsCutInsideItsFirstWordOrDropped() {
        Recording r = new Recording();
        assertThat(ChartPainter.fitted(r, "Connections", 11, 1)).isEmpty();
        String cut = ChartPainter.fitted(r, "Connections", 11, r.textWidth("Conn\u2026", 11, false) + 0.5);
        assertThat(cut).isEqualTo("Conn\u2026");
        assertThat(ChartPainter.fitted(r, "Connections", 11, 1_000)).isEqualTo("Connections");
    }

    private static PlotData many(int n) {
        double[] x = {10, 100, 1_000};
        List<PlotData.Series> series = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            series.add(PlotData.Series.line("nftables p" + i + " (measured)", "mode-nftables", x,
                    new double[]{1 + i, 10 + i, 100 + i}, null, null, null));
        }
        return new PlotData("Title", "Services", "ms", true, 10, 1_000, series, Double.NaN, null, List.of(), List.of(),
                PLAIN, PLAIN, "");
    }

    @Test
    void aLegendTooBigForTheChartShowsTheRowsThatFitAndCountsTheRest() {
        Recording r = new Recording();
        double h = 270;
        ChartPainter.Frame f = ChartPainter.paint(many(27), r, new Palette(c -> null), 350, h, false, Double.NaN, 1);
        assertThat(f).as("the plot is still drawn").isNotNull();
        assertThat(f.top()).as("the legend keeps to its share").isLessThanOrEqualTo(h * ChartPainter.LEGEND_SHARE + 12);
        long named = r.strings.stream().filter(t -> t.startsWith("nftables")).count();
        String more = r.strings.stream().filter(t -> t.startsWith("+")).findFirst().orElseThrow();
        assertThat(named).isBetween(1L, 26L);
        assertThat(more).isEqualTo("+" + (27 - named));
        Recording roomy = new Recording();
        ChartPainter.paint(many(27), roomy, new Palette(c -> null), 1_600, 900, false, Double.NaN, 1);
        assertThat(roomy.strings.stream().filter(t -> t.startsWith("nftables")).count()).isEqualTo(27);
        assertThat(roomy.strings).noneMatch(t -> t.startsWith("+"));
    }
}
