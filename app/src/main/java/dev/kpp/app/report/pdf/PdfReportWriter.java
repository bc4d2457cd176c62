package dev.kpp.app.report.pdf;

import dev.kpp.app.report.chart.Palette;
import dev.kpp.app.report.chart.ReportFonts;
import dev.kpp.app.report.doc.ReportDocument;
import dev.kpp.app.report.doc.ReportDocument.Block;
import dev.kpp.app.report.doc.ReportDocument.Bullets;
import dev.kpp.app.report.doc.ReportDocument.Callout;
import dev.kpp.app.report.doc.ReportDocument.Code;
import dev.kpp.app.report.doc.ReportDocument.Column;
import dev.kpp.app.report.doc.ReportDocument.Figure;
import dev.kpp.app.report.doc.ReportDocument.Heading;
import dev.kpp.app.report.doc.ReportDocument.Paragraph;
import dev.kpp.app.report.doc.ReportDocument.Row;
import dev.kpp.app.report.doc.ReportDocument.Section;
import dev.kpp.app.report.doc.ReportDocument.Table;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sets a {@link ReportDocument} as an A4 PDF: a title page, a table of contents with links, each
 * section on a new page with running headers and numbered footers, bookmarks for every section and
 * heading, tables that split across pages and repeat their header, charts as vector paths with text
 * in the embedded DejaVu fonts, the document's metadata and attached files (the report's input).
 */
public final class PdfReportWriter {
    /** A file attached to the PDF. @param name file name @param mime type @param description what it is @param bytes content */
    public record Attachment(String name, String mime, String description, byte[] bytes) {
    }

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float LEFT = 56;
    private static final float RIGHT = W - 56;
    private static final float TOP = H - 66;
    private static final float BOTTOM = 62;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float BODY = 9.3f;
    private static final float BODY_LEAD = 13.2f;
    private static final float SMALL = 7.6f;
    private static final float SMALL_LEAD = 10.2f;
    private static final float CELL_SIZE = 8.1f;
    private float CELL = CELL_SIZE;
    private float CELL_LEAD = 10.6f;
    private static final float PAD = 3.6f;
    private static final float CODE = 7.6f;
    private static final float CODE_LEAD = 9.8f;
    private static final float TOC_SECTION = 15f;
    private static final float TOC_HEADING = 12.5f;

    /** A number and its unit stay on one line: "6.91 s", "[2.77–17.2 s]", "12 nodes". */
    private static final java.util.regex.Pattern GLUE = java.util.regex.Pattern.compile(
            "([0-9%])\\s(?=([a-zµ%][a-zA-Z%\\]),.;:)]{0,7})(?:\\s|$))");
    private final ReportDocument report;
    private final Function<String, String> words;
    private final PDDocument doc = new PDDocument();
    private PDFont regular;
    private PDFont bold;
    private PDFont mono;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;
    private final List<PDPage> pages = new ArrayList<>();
    private final Map<PDPage, String> sectionOfPage = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private String currentSection = "";

    /** A place a bookmark and a contents line point to. */
    private record Mark(int level, String title, PDPage page, float top) {
    }

    private PdfReportWriter(ReportDocument report, Function<String, String> words) {
        this.report = report;
        this.words = words;
    }

    /**
     * Writes the PDF.
     *
     * @param report      the document
     * @param words       the writer's own words by message key ({@code report.toc}, {@code report.page}...)
     * @param attachments files to attach
     * @param created     the creation time (the report's clock)
     * @param out         where to write (not closed)
     * @return the number of pages
     * @throws IOException when writing fails
     */
    public static int write(ReportDocument report, Function<String, String> words, List<Attachment> attachments,
                             Instant created, OutputStream out) throws IOException {
        PdfReportWriter w = new PdfReportWriter(report, words);
        try (PDDocument d = w.doc) {
            w.render(attachments, created);
            d.save(out);
            return d.getNumberOfPages();
        }
    }

    /**
     * @param pdf a PDF file
     * @return its attached files by name (empty when it has none)
     * @throws IOException when the file is not a readable PDF
     */
    public static Map<String, byte[]> attachments(Path pdf) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDictionary names = d.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return out;
            }
            collect(names.getEmbeddedFiles(), out);
        }
        return out;
    }

    private static void collect(org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node,
                                Map<String, byte[]> out) throws IOException {
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : names.entrySet()) {
                PDEmbeddedFile f = e.getValue().getEmbeddedFileUnicode() != null
                        ? e.getValue().getEmbeddedFileUnicode() : e.getValue().getEmbeddedFile();
                if (f != null) {
                    out.put(e.getKey(), f.toByteArray());
                }
            }
        }
        if (node.getKids() != null) {
            for (org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> k : node.getKids()) {
                collect(k, out);
            }
        }
    }

    private String w(String key) {
        return words.apply(key);
    }

    private void render(List<Attachment> attachments, Instant created) throws IOException {
        regular = PDType0Font.load(doc, new ByteArrayInputStream(ReportFonts.bytes(ReportFonts.Face.REGULAR)), true);
        bold = PDType0Font.load(doc, new ByteArrayInputStream(ReportFonts.bytes(ReportFonts.Face.BOLD)), true);
        mono = PDType0Font.load(doc, new ByteArrayInputStream(ReportFonts.bytes(ReportFonts.Face.MONO)), true);
        PDPage title = addPage();
        int tocLines = 0;
        for (Section s : report.sections()) {
            tocLines++;
            tocLines += (int) s.blocks().stream().filter(b -> b instanceof Heading).count();
        }
        float tocHeight = TOP - 70 - BOTTOM;
        int tocPages = Math.max(1, (int) Math.ceil(tocLines * TOC_HEADING * 1.08 / tocHeight));
        List<PDPage> toc = new ArrayList<>();
        for (int i = 0; i < tocPages; i++) {
            PDPage p = addPage();
            sectionOfPage.put(p, w("report.toc"));
            toc.add(p);
        }
        for (Section s : report.sections()) {
            section(s);
        }
        closeStream();
        titlePage(title);
        contents(toc);
        furniture();
        outline();
        metadata(created);
        attach(attachments, created);
    }

    private PDPage addPage() {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        pages.add(p);
        return p;
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    private void newPage() throws IOException {
        closeStream();
        page = addPage();
        sectionOfPage.put(page, currentSection);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Starts a new page unless {@code h} points fit above the bottom margin. */
    private void ensure(float h) throws IOException {
        if (y - h < BOTTOM) {
            newPage();
        }
    }

    // ---------------------------------------------------------------- text primitives

    private static ReportFonts.Face face(PDFont f, PdfReportWriter w) {
        return f == w.bold ? ReportFonts.Face.BOLD : f == w.mono ? ReportFonts.Face.MONO : ReportFonts.Face.REGULAR;
    }

    private float width(String s, PDFont f, float size) {
        return (float) ReportFonts.width(s, size, face(f, this));
    }

    private void text(PDPageContentStream c, float x, float baseline, String s, PDFont f, float size, Color color)
            throws IOException {
        String t = ReportFonts.printable(s, face(f, this));
        if (t.isEmpty()) {
            return;
        }
        c.beginText();
        c.setFont(f, size);
        c.setNonStrokingColor(color);
        c.newLineAtOffset(x, baseline);
        c.showText(t);
        c.endText();
    }

    /** @return the text broken into lines no wider than {@code max} (long words broken by character) */
    private List<String> wrap(String text, PDFont f, float size, float max, float firstIndent) {
        List<String> lines = new ArrayList<>();
        String glued = GLUE.matcher(text).replaceAll("$1\u00a0");
        for (String raw : glued.split("\n", -1)) {
            String para = ReportFonts.printable(raw, face(f, this));
            StringBuilder line = new StringBuilder();
            float limit = lines.isEmpty() ? max - firstIndent : max;
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, f, size) <= limit) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    limit = max;
                }
                String rest = word;
                while (width(rest, f, size) > limit) {
                    int cut = rest.length();
                    while (cut > 1 && width(rest.substring(0, cut), f, size) > limit) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                    limit = max;
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    // ---------------------------------------------------------------- sections and blocks

    private void section(Section s) throws IOException {
        currentSection = s.title();
        newPage();
        marks.add(new Mark(0, s.title(), page, y + 10));
        text(cs, LEFT, y - 16, s.title(), bold, 17, Palette.TEXT);
        y -= 24;
        cs.setStrokingColor(Palette.ACCENT);
        cs.setLineWidth(1.2f);
        cs.setLineDashPattern(new float[0], 0);
        cs.moveTo(LEFT, y);
        cs.lineTo(LEFT + 48, y);
        cs.stroke();
        y -= 16;
        for (int i = 0; i < s.blocks().size(); i++) {
            Block b = s.blocks().get(i);
            Block next = i + 1 < s.blocks().size() ? s.blocks().get(i + 1) : null;
            block(b, next);
        }
    }

    private void block(Block b, Block next) throws IOException {
        if (b instanceof Heading h) {
            float need = 34 + (next instanceof Figure f ? (float) f.chart().height(WIDTH) : 60);
            ensure(Math.min(need, TOP - BOTTOM));
            if (y < TOP - 1) {
                y -= 8;
            }
            marks.add(new Mark(1, h.text(), page, y + 4));
            for (String line : wrap(h.text(), bold, 11.5f, WIDTH, 0)) {
                text(cs, LEFT, y - 11, line, bold, 11.5f, Palette.TEXT);
                y -= 15;
            }
            y -= 4;
        } else if (b instanceof Paragraph p) {
            paragraph(p);
        } else if (b instanceof Bullets l) {
            bullets(l);
        } else if (b instanceof Table t) {
            table(t);
        } else if (b instanceof Code c) {
            code(c);
        } else if (b instanceof Figure f) {
            figure(f);
        } else if (b instanceof Callout c) {
            callout(c);
        }
    }

    private void paragraph(Paragraph p) throws IOException {
        boolean small = p.style() == ReportDocument.Style.SMALL;
        float size = small ? SMALL : BODY;
        float lead = small ? SMALL_LEAD : BODY_LEAD;
        Color color = small ? Palette.MUTED : Palette.TEXT;
        float indent = p.lead().isEmpty() ? 0 : Math.max(16, width(p.lead(), bold, size) + 4);
        List<String> lines = wrap(p.text(), regular, size, WIDTH - indent, 0);
        ensure(Math.min(lines.size(), 3) * lead);
        boolean first = true;
        for (String line : lines) {
            ensure(lead);
            if (first && !p.lead().isEmpty()) {
                text(cs, LEFT, y - size, p.lead(), bold, size, Palette.TEXT);
            }
            text(cs, LEFT + indent, y - size, line, regular, size, color);
            y -= lead;
            first = false;
        }
        y -= small ? 3 : 5;
    }

    private void bullets(Bullets l) throws IOException {
        int n = 1;
        for (String item : l.items()) {
            String mark = l.numbered() ? n++ + "." : "•";
            List<String> lines = wrap(item, regular, BODY, WIDTH - 14, 0);
            ensure(Math.min(lines.size(), 2) * BODY_LEAD);
            boolean first = true;
            for (String line : lines) {
                ensure(BODY_LEAD);
                if (first) {
                    text(cs, LEFT + 2, y - BODY, mark, regular, BODY, Palette.ACCENT);
                }
                text(cs, LEFT + 14, y - BODY, line, regular, BODY, Palette.TEXT);
                y -= BODY_LEAD;
                first = false;
            }
            y -= 2;
        }
        y -= 4;
    }

    private void callout(Callout c) throws IOException {
        float inner = WIDTH - 24;
        List<String> titleLines = wrap(c.title(), bold, 14, inner, 0);
        List<List<String>> body = new ArrayList<>();
        float h = 12 + titleLines.size() * 18 + 4;
        for (String line : c.lines()) {
            List<String> wl = wrap(line, regular, BODY, inner - 10, 0);
            body.add(wl);
            h += wl.size() * BODY_LEAD + 2;
        }
        h += 8;
        ensure(h);
        Color tone = switch (c.tone()) {
            case ACCENT -> Palette.ACCENT;
            case OK -> Palette.OK;
            case WARN -> Palette.WARN;
            case DANGER -> Palette.BUDGET;
        };
        cs.setNonStrokingColor(Palette.SHADE);
        cs.addRect(LEFT, y - h, WIDTH, h);
        cs.fill();
        cs.setNonStrokingColor(tone);
        cs.addRect(LEFT, y - h, 3.5f, h);
        cs.fill();
        float yy = y - 12;
        for (String line : titleLines) {
            text(cs, LEFT + 14, yy - 12, line, bold, 14, tone);
            yy -= 18;
        }
        yy -= 4;
        for (List<String> wl : body) {
            boolean first = true;
            for (String line : wl) {
                if (first) {
                    text(cs, LEFT + 14, yy - BODY, "–", regular, BODY, Palette.MUTED);
                }
                text(cs, LEFT + 24, yy - BODY, line, regular, BODY, Palette.TEXT);
                yy -= BODY_LEAD;
                first = false;
            }
            yy -= 2;
        }
        y -= h + 10;
    }

    private void code(Code c) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (String l : c.lines()) {
            Color col = "diff".equals(c.language()) && l.startsWith("+") ? Palette.OK
                    : "diff".equals(c.language()) && l.startsWith("-") ? Palette.BUDGET : Palette.TEXT;
            for (String part : wrap(l.isEmpty() ? " " : l, mono, CODE, WIDTH - 16, 0)) {
                lines.add(part);
                colors.add(col);
            }
        }
        ensure(Math.min(lines.size(), 4) * CODE_LEAD + 8);
        y -= 2;
        boolean top = true;
        for (int i = 0; i < lines.size(); i++) {
            if (y - CODE_LEAD - (i == lines.size() - 1 ? 4 : 0) < BOTTOM) {
                newPage();
                top = true;
            }
            float h = CODE_LEAD + (top ? 4 : 0) + (i == lines.size() - 1 ? 4 : 0);
            cs.setNonStrokingColor(Palette.SHADE);
            cs.addRect(LEFT, y - h, WIDTH, h);
            cs.fill();
            float base = y - (top ? 4 : 0) - CODE - 0.5f;
            text(cs, LEFT + 8, base, lines.get(i), mono, CODE, colors.get(i));
            y -= h;
            top = false;
        }
        y -= 8;
    }

    private void figure(Figure f) throws IOException {
        float h = (float) f.chart().height(WIDTH);
        float captionH = SMALL_LEAD + 6;
        ensure(h + captionH + 6);
        f.chart().draw(new PdfCanvas(cs, LEFT, y, regular, bold), WIDTH, h);
        y -= h + 4;
        for (String line : wrap(f.caption(), regular, SMALL, WIDTH, 0)) {
            text(cs, LEFT, y - SMALL, line, regular, SMALL, Palette.MUTED);
            y -= SMALL_LEAD;
        }
        y -= 14;
    }

    // ---------------------------------------------------------------- tables

    private float[] minWidths(Table t) {
        int n = t.columns().size();
        float[] min = new float[n];
        for (int i = 0; i < n; i++) {
            if (t.header()) {
                for (String word : t.columns().get(i).header().split("[ \n]")) {
                    min[i] = Math.max(min[i], width(word, bold, CELL) + 2 * PAD);
                }
            }
            for (Row r : t.rows()) {
                String cell = i < r.cells().size() ? r.cells().get(i) : "";
                PDFont f = r.strong() || (!t.header() && i == 0) ? bold : regular;
                for (String word : GLUE.matcher(cell).replaceAll("$1\u00a0").split("[ \n]")) {
                    min[i] = Math.max(min[i], width(word, f, CELL) + 2 * PAD);
                }
            }
        }
        return min;
    }

    private float[] columnWidths(Table t) {
        int n = t.columns().size();
        float[] natural = new float[n];
        float[] min = minWidths(t);
        for (int i = 0; i < n; i++) {
            min[i] = Math.min(min[i], WIDTH / 2);
            Column c = t.columns().get(i);
            if (t.header()) {
                for (String line : c.header().split("\n")) {
                    natural[i] = Math.max(natural[i], width(line, bold, CELL) + 2 * PAD);
                }
            }
            for (Row r : t.rows()) {
                String cell = i < r.cells().size() ? r.cells().get(i) : "";
                PDFont f = r.strong() || (!t.header() && i == 0) ? bold : regular;
                for (String line : cell.split("\n")) {
                    natural[i] = Math.max(natural[i], width(line, f, CELL) + 2 * PAD);
                }
            }
        }
        // every column gets its longest word; the room left goes to the columns whose text would
        // otherwise wrap, by weight, up to their natural width; what is still left, by weight
        float[] w = min.clone();
        float left = WIDTH;
        for (float v : w) {
            left -= v;
        }
        for (int round = 0; round < 4 && left > 0.5f; round++) {
            double demand = 0;
            for (int i = 0; i < n; i++) {
                if (natural[i] > w[i]) {
                    demand += t.columns().get(i).weight();
                }
            }
            if (demand == 0) {
                break;
            }
            float given = 0;
            for (int i = 0; i < n; i++) {
                if (natural[i] > w[i]) {
                    float add = (float) Math.min(natural[i] - w[i], left * t.columns().get(i).weight() / demand);
                    w[i] += add;
                    given += add;
                }
            }
            left -= given;
        }
        if (left > 0) {
            double total = 0;
            for (Column c : t.columns()) {
                total += c.weight();
            }
            for (int i = 0; i < n; i++) {
                w[i] += (float) (left * t.columns().get(i).weight() / total);
            }
        } else if (left < 0) {
            float sum = WIDTH - left;
            for (int i = 0; i < n; i++) {
                w[i] *= WIDTH / sum;
            }
        }
        return w;
    }

    private void table(Table t) throws IOException {
        CELL = CELL_SIZE;
        float need = 0;
        for (float m : minWidths(t)) {
            need += m;
        }
        float pads = t.columns().size() * 2 * PAD;
        if (need > WIDTH) {
            CELL = Math.max(6.4f, CELL_SIZE * (WIDTH - pads) / (need - pads) * 0.995f);
        }
        CELL_LEAD = CELL * 1.31f;
        float[] w = columnWidths(t);
        List<List<String>> header = new ArrayList<>();
        float headerH = 0;
        if (t.header()) {
            int lines = 1;
            for (int i = 0; i < w.length; i++) {
                List<String> l = wrap(t.columns().get(i).header(), bold, CELL, w[i] - 2 * PAD, 0);
                header.add(l);
                lines = Math.max(lines, l.size());
            }
            headerH = lines * CELL_LEAD + 2 * PAD;
        }
        boolean drawnHeader = false;
        int index = 0;
        for (Row r : t.rows()) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < w.length; i++) {
                String cell = i < r.cells().size() ? r.cells().get(i) : "";
                PDFont f = r.strong() || (!t.header() && i == 0) ? bold : regular;
                List<String> l = wrap(cell, f, CELL, w[i] - 2 * PAD, 0);
                cells.add(l);
                lines = Math.max(lines, l.size());
            }
            float rowH = lines * CELL_LEAD + 2 * PAD;
            if (!drawnHeader || y - rowH < BOTTOM) {
                if (y - rowH - headerH - (drawnHeader ? 0 : Math.min(3, t.rows().size()) * CELL_LEAD) < BOTTOM) {
                    newPage();
                }
                if (t.header()) {
                    tableHeader(t, w, header, headerH);
                }
                drawnHeader = true;
            }
            if (index % 2 == 1) {
                cs.setNonStrokingColor(Palette.ZEBRA);
                cs.addRect(LEFT, y - rowH, WIDTH, rowH);
                cs.fill();
            }
            float x = LEFT;
            for (int i = 0; i < w.length; i++) {
                PDFont f = r.strong() || (!t.header() && i == 0) ? bold : regular;
                Color color = !t.header() && i == 0 ? Palette.MUTED : Palette.TEXT;
                float yy = y - PAD - CELL;
                for (String line : cells.get(i)) {
                    float tx = t.columns().get(i).align() == ReportDocument.Align.RIGHT
                            ? x + w[i] - PAD - width(line, f, CELL) : x + PAD;
                    text(cs, tx, yy, line, f, CELL, color);
                    yy -= CELL_LEAD;
                }
                x += w[i];
            }
            y -= rowH;
            cs.setStrokingColor(Palette.RULE);
            cs.setLineWidth(0.4f);
            cs.setLineDashPattern(new float[0], 0);
            cs.moveTo(LEFT, y);
            cs.lineTo(RIGHT, y);
            cs.stroke();
            index++;
        }
        y -= 4;
        for (String note : t.notes()) {
            List<String> lines = wrap(note, regular, SMALL, WIDTH, 0);
            for (String line : lines) {
                ensure(SMALL_LEAD);
                text(cs, LEFT, y - SMALL, line, regular, SMALL, Palette.MUTED);
                y -= SMALL_LEAD;
            }
            y -= 1;
        }
        y -= 8;
    }

    private void tableHeader(Table t, float[] w, List<List<String>> header, float headerH) throws IOException {
        cs.setNonStrokingColor(Palette.SHADE);
        cs.addRect(LEFT, y - headerH, WIDTH, headerH);
        cs.fill();
        float x = LEFT;
        for (int i = 0; i < w.length; i++) {
            float yy = y - PAD - CELL;
            for (String line : header.get(i)) {
                float tx = t.columns().get(i).align() == ReportDocument.Align.RIGHT
                        ? x + w[i] - PAD - width(line, bold, CELL) : x + PAD;
                text(cs, tx, yy, line, bold, CELL, Palette.TEXT);
                yy -= CELL_LEAD;
            }
            x += w[i];
        }
        y -= headerH;
        cs.setStrokingColor(Palette.AXIS);
        cs.setLineWidth(0.8f);
        cs.setLineDashPattern(new float[0], 0);
        cs.moveTo(LEFT, y);
        cs.lineTo(RIGHT, y);
        cs.stroke();
    }

    // ---------------------------------------------------------------- title, contents, furniture

    private void titlePage(PDPage p) throws IOException {
        ReportDocument.Meta m = report.meta();
        try (PDPageContentStream c = new PDPageContentStream(doc, p)) {
            c.setNonStrokingColor(Palette.ACCENT);
            c.addRect(0, H - 10, W, 10);
            c.fill();
            text(c, LEFT, H - 70, "kpp · the kube-proxy planner", bold, 10, Palette.ACCENT);
            float yy = H - 150;
            for (String line : wrap(m.title(), bold, 28, WIDTH, 0)) {
                text(c, LEFT, yy, line, bold, 28, Palette.TEXT);
                yy -= 34;
            }
            for (String line : wrap(m.subtitle(), regular, 14, WIDTH, 0)) {
                text(c, LEFT, yy, line, regular, 14, Palette.MUTED);
                yy -= 19;
            }
            yy -= 4;
            text(c, LEFT, yy, m.date(), regular, 11, Palette.MUTED);
            yy -= 40;
            List<String> head = wrap(m.headline(), bold, 16, WIDTH - 30, 0);
            float boxH = 30 + head.size() * 21 + 8;
            c.setNonStrokingColor(Palette.SHADE);
            c.addRect(LEFT, yy - boxH, WIDTH, boxH);
            c.fill();
            c.setNonStrokingColor(Palette.ACCENT);
            c.addRect(LEFT, yy - boxH, 4, boxH);
            c.fill();
            text(c, LEFT + 16, yy - 18, w("report.titlepage.recommendation").toUpperCase(java.util.Locale.ROOT), bold,
                    8, Palette.MUTED);
            float hy = yy - 40;
            for (String line : head) {
                text(c, LEFT + 16, hy, line, bold, 16, Palette.ACCENT);
                hy -= 21;
            }
            yy -= boxH + 30;
            float labelW = 0;
            for (String[] f : m.facts()) {
                labelW = Math.max(labelW, width(f[0], bold, 9));
            }
            for (String[] f : m.facts()) {
                List<String> lines = wrap(f[1], regular, 9, WIDTH - labelW - 16, 0);
                text(c, LEFT, yy, f[0], bold, 9, Palette.MUTED);
                for (String line : lines) {
                    text(c, LEFT + labelW + 16, yy, line, regular, 9, Palette.TEXT);
                    yy -= 12.5f;
                }
                yy -= 4;
            }
            float gy = BOTTOM + 30;
            for (String line : wrap(m.note(), regular, SMALL, WIDTH, 0)) {
                text(c, LEFT, gy, line, regular, SMALL, Palette.MUTED);
                gy -= SMALL_LEAD;
            }
        }
    }

    private int pageNumber(PDPage p) {
        return pages.indexOf(p) + 1;
    }

    private void contents(List<PDPage> toc) throws IOException {
        int pi = 0;
        PDPageContentStream c = new PDPageContentStream(doc, toc.get(0));
        float yy = TOP;
        text(c, LEFT, yy - 16, w("report.toc"), bold, 17, Palette.TEXT);
        yy -= 44;
        int section = 0;
        int sub = 0;
        for (Mark mk : marks) {
            float lead = mk.level() == 0 ? TOC_SECTION : TOC_HEADING;
            if (mk.level() == 0 && yy < TOP - 44) {
                yy -= 4;
            }
            if (yy - lead < BOTTOM) {
                c.close();
                pi = Math.min(pi + 1, toc.size() - 1);
                c = new PDPageContentStream(doc, toc.get(pi), PDPageContentStream.AppendMode.APPEND, true, true);
                yy = TOP;
            }
            String number;
            if (mk.level() == 0) {
                section++;
                sub = 0;
                number = section + "";
            } else {
                sub++;
                number = section + "." + sub;
            }
            PDFont f = mk.level() == 0 ? bold : regular;
            float size = mk.level() == 0 ? 10 : 9;
            float indent = mk.level() == 0 ? 0 : 22;
            String pageNo = Integer.toString(pageNumber(mk.page()));
            float pw = width(pageNo, f, size);
            float titleMax = WIDTH - indent - 24 - pw - 30;
            String title = fit(mk.title(), f, size, titleMax);
            float base = yy - size;
            text(c, LEFT + indent, base, number, f, size, Palette.MUTED);
            text(c, LEFT + indent + 24, base, title, f, size, mk.level() == 0 ? Palette.TEXT : Palette.TEXT);
            float tx = LEFT + indent + 24 + width(title, f, size) + 4;
            float dotsEnd = RIGHT - pw - 4;
            c.setStrokingColor(Palette.RULE);
            c.setLineWidth(0.6f);
            c.setLineDashPattern(new float[] {0.6f, 2.4f}, 0);
            c.moveTo(tx, base + 1);
            c.lineTo(dotsEnd, base + 1);
            c.stroke();
            c.setLineDashPattern(new float[0], 0);
            text(c, RIGHT - pw, base, pageNo, f, size, Palette.TEXT);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(LEFT, base - 3, WIDTH, size + 5));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(0);
            link.setBorderStyle(border);
            PDActionGoTo go = new PDActionGoTo();
            go.setDestination(destination(mk));
            link.setAction(go);
            toc.get(pi).getAnnotations().add(link);
            yy -= lead;
        }
        c.close();
    }

    private String fit(String s, PDFont f, float size, float max) {
        if (width(s, f, size) <= max) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(t + "…", f, size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static PDPageFitWidthDestination destination(Mark mk) {
        PDPageFitWidthDestination d = new PDPageFitWidthDestination();
        d.setPage(mk.page());
        d.setTop((int) Math.min(H, mk.top() + 20));
        return d;
    }

    private void furniture() throws IOException {
        ReportDocument.Meta m = report.meta();
        int total = pages.size();
        for (int i = 1; i < total; i++) {
            PDPage p = pages.get(i);
            try (PDPageContentStream c = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                String section = sectionOfPage.getOrDefault(p, "");
                float sw = width(section, regular, 7.5f);
                text(c, LEFT, H - 40, fit(m.header(), regular, 7.5f, WIDTH - sw - 24), regular, 7.5f, Palette.MUTED);
                text(c, RIGHT - sw, H - 40, section, regular, 7.5f, Palette.MUTED);
                c.setStrokingColor(Palette.RULE);
                c.setLineWidth(0.5f);
                c.setLineDashPattern(new float[0], 0);
                c.moveTo(LEFT, H - 46);
                c.lineTo(RIGHT, H - 46);
                c.stroke();
                c.moveTo(LEFT, 46);
                c.lineTo(RIGHT, 46);
                c.stroke();
                text(c, LEFT, 34, m.footer(), regular, 7.5f, Palette.MUTED);
                String no = words.apply("report.page").replace("{0}", Integer.toString(i + 1))
                        .replace("{1}", Integer.toString(total));
                text(c, RIGHT - width(no, regular, 7.5f), 34, no, regular, 7.5f, Palette.MUTED);
            }
        }
    }

    private void outline() {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem section = null;
        for (Mark mk : marks) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(mk.title());
            item.setDestination(destination(mk));
            if (mk.level() == 0 || section == null) {
                outline.addLast(item);
                section = item;
            } else {
                section.addLast(item);
            }
        }
        outline.openNode();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }

    private void metadata(Instant created) {
        ReportDocument.Meta m = report.meta();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(m.title() + " — " + m.subtitle());
        info.setAuthor(m.author());
        info.setSubject(m.subject());
        info.setKeywords(m.keywords());
        info.setCreator(m.author());
        info.setProducer(m.author() + " with Apache PDFBox");
        Calendar cal = calendar(created);
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        doc.getDocumentCatalog().setLanguage("en");
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    private static Calendar calendar(Instant t) {
        Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"), java.util.Locale.ROOT);
        cal.setTimeInMillis(t.toEpochMilli());
        return cal;
    }

    private void attach(List<Attachment> attachments, Instant created) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> files = new TreeMap<>();
        for (Attachment a : attachments) {
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(a.name());
            fs.setFileUnicode(a.name());
            fs.setFileDescription(a.description());
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(a.bytes()));
            ef.setSubtype(a.mime());
            ef.setSize(a.bytes().length);
            ef.setCreationDate(calendar(created));
            fs.setEmbeddedFile(ef);
            fs.setEmbeddedFileUnicode(ef);
            files.put(a.name(), fs);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }
}
