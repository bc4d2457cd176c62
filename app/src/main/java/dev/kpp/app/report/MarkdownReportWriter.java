package dev.kpp.app.report;

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

/**
 * The report as Markdown (GitHub-flavoured): the same sections, tables and sentences as the PDF; each
 * chart as an SVG image beside the file (in {@code <name>-charts/}) with a link to its PNG.
 */
public final class MarkdownReportWriter {
    private MarkdownReportWriter() {
    }

    /**
     * @param doc       the document
     * @param chartsDir the charts' directory, relative to the Markdown file (e.g. {@code report-charts})
     * @return the Markdown text
     */
    public static String write(ReportDocument doc, String chartsDir) {
        StringBuilder sb = new StringBuilder();
        ReportDocument.Meta m = doc.meta();
        sb.append("# ").append(inline(m.title())).append("\n\n");
        sb.append("**").append(inline(m.subtitle())).append("** · ").append(m.date()).append("\n\n");
        sb.append("> **").append(inline(ReportBuilder.t("report.titlepage.recommendation"))).append(":** ")
                .append(inline(m.headline())).append("\n\n");
        for (String[] f : m.facts()) {
            sb.append("- **").append(inline(f[0])).append(":** ").append(inline(f[1])).append('\n');
        }
        sb.append('\n').append("## ").append(ReportBuilder.t("report.md.contents")).append("\n\n");
        int n = 1;
        for (Section s : doc.sections()) {
            sb.append(n++).append(". [").append(inline(s.title())).append("](#").append(s.id()).append(")\n");
        }
        sb.append('\n');
        for (Section s : doc.sections()) {
            sb.append("<a id=\"").append(s.id()).append("\"></a>\n\n## ").append(inline(s.title())).append("\n\n");
            for (Block b : s.blocks()) {
                block(sb, b, chartsDir);
            }
        }
        sb.append("---\n\n").append(inline(m.note())).append('\n');
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block b, String charts) {
        if (b instanceof Heading h) {
            sb.append("### ").append(inline(h.text())).append("\n\n");
        } else if (b instanceof Paragraph p) {
            if (!p.lead().isEmpty()) {
                sb.append("**").append(inline(p.lead())).append("** ");
            }
            sb.append(p.style() == ReportDocument.Style.SMALL ? "<small>" + inline(p.text()) + "</small>"
                    : inline(p.text())).append("\n\n");
        } else if (b instanceof Bullets l) {
            int n = 1;
            for (String item : l.items()) {
                sb.append(l.numbered() ? n++ + ". " : "- ").append(inline(item)).append('\n');
            }
            sb.append('\n');
        } else if (b instanceof Table t) {
            table(sb, t);
        } else if (b instanceof Code c) {
            sb.append("```").append(c.language()).append('\n');
            c.lines().forEach(l -> sb.append(l).append('\n'));
            sb.append("```\n\n");
        } else if (b instanceof Figure f) {
            sb.append("![").append(inline(f.chart().title())).append("](").append(charts).append('/')
                    .append(f.file()).append(".svg)\n\n");
            sb.append('*').append(inline(f.caption())).append("* ([").append(ReportBuilder.t("report.md.png"))
                    .append("](").append(charts).append('/').append(f.file()).append(".png))\n\n");
        } else if (b instanceof Callout c) {
            sb.append("> **").append(inline(c.title())).append("**\n>\n");
            c.lines().forEach(l -> sb.append("> - ").append(inline(l)).append('\n'));
            sb.append('\n');
        }
    }

    private static void table(StringBuilder sb, Table t) {
        int n = t.columns().size();
        sb.append('|');
        for (Column c : t.columns()) {
            sb.append(' ').append(t.header() ? cell(c.header()) : "").append(" |");
        }
        sb.append("\n|");
        for (Column c : t.columns()) {
            sb.append(c.align() == ReportDocument.Align.RIGHT ? "---:|" : "---|");
        }
        sb.append('\n');
        for (Row r : t.rows()) {
            sb.append('|');
            for (int i = 0; i < n; i++) {
                String v = i < r.cells().size() ? cell(r.cells().get(i)) : "";
                boolean strong = (r.strong() || (!t.header() && i == 0)) && !v.isEmpty();
                sb.append(' ').append(strong ? "**" + v + "**" : v).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (String note : t.notes()) {
            sb.append("<small>").append(inline(note)).append("</small>\n\n");
        }
    }

    private static String cell(String s) {
        return inline(s).replace("|", "\\|").replace("\n", "<br>");
    }

    /** @return text safe in Markdown: characters that would start emphasis or HTML are escaped */
    static String inline(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '*', '_', '`', '<', '\\' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
