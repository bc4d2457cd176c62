package dev.kpp.app.report.chart;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fonts every report output uses: DejaVu Sans, Sans Bold and Sans Mono, shipped in the app's
 * resources (licence beside them), so the PDF, the SVG and PNG charts measure and show text the same
 * way on every machine. Widths come from the font files' own metrics: a chart lays its labels out
 * once and every backend draws them at the same places.
 */
public final class ReportFonts {
    /** A face of the report's font family. */
    public enum Face {
        REGULAR("DejaVuSans.ttf"), BOLD("DejaVuSans-Bold.ttf"), MONO("DejaVuSansMono.ttf");

        private final String file;

        Face(String file) {
            this.file = file;
        }

        /** @return the resource file name */
        public String file() {
            return file;
        }
    }

    /** The family name SVG output asks for (with generic fallbacks). */
    public static final String SVG_FAMILY = "'DejaVu Sans', Verdana, sans-serif";
    private static final String DIR = "/dev/kpp/app/report/fonts/";
    private static final Map<Face, byte[]> BYTES = new EnumMap<>(Face.class);
    private static final Map<Face, Metrics> METRICS = new EnumMap<>(Face.class);

    private ReportFonts() {
    }

    /** @return the TTF file of a face */
    public static synchronized byte[] bytes(Face face) {
        return BYTES.computeIfAbsent(face, f -> {
            try (InputStream in = ReportFonts.class.getResourceAsStream(DIR + f.file())) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing: " + DIR + f.file());
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static synchronized Metrics metrics(Face face) {
        return METRICS.computeIfAbsent(face, f -> new Metrics(bytes(f)));
    }

    /** @return the width of {@code text} at {@code size} points */
    public static double width(String text, double size, Face face) {
        return metrics(face).width(text) * size;
    }

    /** @return the width in the regular or bold face */
    public static double width(String text, double size, boolean bold) {
        return width(text, size, bold ? Face.BOLD : Face.REGULAR);
    }

    /**
     * @return the text with every character the face cannot show replaced by '?', tabs by spaces and
     *         other control characters dropped (a cluster name may hold anything)
     */
    public static String printable(String text, Face face) {
        Metrics m = metrics(face);
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                sb.append(' ');
            } else if (Character.isISOControl(cp)) {
                return;
            } else if (m.has(cp)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** Advance widths per code point, in em. */
    private static final class Metrics {
        private final CmapLookup cmap;
        private final float[] advance;
        private final float unitsPerEm;
        private final Map<Integer, Float> cache = new java.util.HashMap<>();

        Metrics(byte[] ttf) {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
                cmap = font.getUnicodeCmapLookup();
                unitsPerEm = font.getUnitsPerEm();
                int glyphs = font.getNumberOfGlyphs();
                advance = new float[glyphs];
                for (int g = 0; g < glyphs; g++) {
                    advance[g] = font.getAdvanceWidth(g);
                }
                font.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized boolean has(int cp) {
            return cp == ' ' || cmap.getGlyphId(cp) > 0;
        }

        synchronized double width(String s) {
            double w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                w += cache.computeIfAbsent(cp, c -> {
                    int g = cmap.getGlyphId(c);
                    return g >= 0 && g < advance.length ? advance[g] / unitsPerEm : 0.5f;
                });
            }
            return w;
        }
    }
}
