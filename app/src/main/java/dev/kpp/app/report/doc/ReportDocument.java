package dev.kpp.app.report.doc;

import dev.kpp.app.report.chart.Chart;

import java.util.List;

/**
 * A report as a sequence of sections of typed blocks, in the words and numbers it will show. The PDF
 * and the Markdown writers render the same document, so both have the same sections, tables and
 * sentences, and every number in either was formatted once, by {@code dev.kpp.app.text.Numbers}.
 *
 * @param meta     title page and document metadata
 * @param sections the sections in order (level 1 in the table of contents and the bookmarks)
 */
public record ReportDocument(Meta meta, List<Section> sections) {
    public ReportDocument {
        sections = List.copyOf(sections);
    }

    /**
     * The title page and metadata.
     *
     * @param title    the title
     * @param subtitle the cluster or scenario it is about
     * @param date     the report date as text
     * @param headline the recommendation in one line
     * @param facts    label/value lines on the title page
     * @param header   the running header's text
     * @param footer   the running footer's text (the page number is added)
     * @param subject  the PDF's subject
     * @param keywords the PDF's keywords
     * @param author   the PDF's author
     * @param note     the title page's closing note
     */
    public record Meta(String title, String subtitle, String date, String headline, List<String[]> facts,
                       String header, String footer, String subject, String keywords, String author,
                       String note) {
        public Meta {
            facts = List.copyOf(facts);
        }
    }

    /**
     * A section.
     *
     * @param id     a stable id (anchors, file names)
     * @param title  its title
     * @param blocks its content
     */
    public record Section(String id, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of content. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Table, Code, Figure, Callout {
    }

    /** A level-2 heading (in the table of contents and bookmarks under its section). */
    public record Heading(String id, String text) implements Block {
    }

    /** How a paragraph is set. */
    public enum Style {
        BODY, SMALL
    }

    /**
     * A paragraph.
     *
     * @param lead  a bold lead-in ("" for none)
     * @param text  the text
     * @param style body or small print
     */
    public record Paragraph(String lead, String text, Style style) implements Block {
        /** @return a body paragraph */
        public static Paragraph of(String text) {
            return new Paragraph("", text, Style.BODY);
        }

        /** @return small print (notes, footnotes) */
        public static Paragraph small(String text) {
            return new Paragraph("", text, Style.SMALL);
        }
    }

    /** A bulleted or numbered list. @param items the items @param numbered numbered */
    public record Bullets(List<String> items, boolean numbered) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** Column alignment. */
    public enum Align {
        LEFT, RIGHT
    }

    /**
     * A table column.
     *
     * @param header its header
     * @param align  alignment of its cells
     * @param weight its share of the width when cells wrap (relative)
     */
    public record Column(String header, Align align, double weight) {
        /** @return a left-aligned column */
        public static Column left(String header, double weight) {
            return new Column(header, Align.LEFT, weight);
        }

        /** @return a right-aligned (numeric) column */
        public static Column right(String header, double weight) {
            return new Column(header, Align.RIGHT, weight);
        }
    }

    /** A row. @param cells its cells @param strong set in bold (e.g. the recommended mode) */
    public record Row(List<String> cells, boolean strong) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** @return a plain row */
        public static Row of(String... cells) {
            return new Row(List.of(cells), false);
        }
    }

    /**
     * A table; in the PDF it splits across pages and repeats its header.
     *
     * @param columns the columns
     * @param rows    the rows
     * @param header  show the header row (false for label/value lists)
     * @param notes   footnotes under the table
     */
    public record Table(List<Column> columns, List<Row> rows, boolean header, List<String> notes) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            notes = List.copyOf(notes);
        }
    }

    /** Preformatted lines (commands, a diff). @param lines the lines @param language e.g. sh, diff */
    public record Code(List<String> lines, String language) implements Block {
        public Code {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A chart.
     *
     * @param chart   the chart
     * @param file    the file stem of its SVG and PNG beside a Markdown report
     * @param caption a sentence under it
     */
    public record Figure(Chart chart, String file, String caption) implements Block {
    }

    /** A callout's tone. */
    public enum Tone {
        ACCENT, OK, WARN, DANGER
    }

    /** A boxed summary. @param title its title @param lines its lines @param tone its colour */
    public record Callout(String title, List<String> lines, Tone tone) implements Block {
        public Callout {
            lines = List.copyOf(lines);
        }
    }
}
