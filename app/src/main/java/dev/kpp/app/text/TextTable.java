package dev.kpp.app.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns as wide as their widest cell, the first column
 * left-aligned, the others right-aligned, so nothing overflows into the next column.
 */
public final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    /** @param header the column headers */
    public TextTable(String... header) {
        this.columns = header.length;
        rows.add(header.clone());
    }

    /** Adds a row (missing cells are empty). */
    public TextTable row(String... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
        rows.add(r);
        return this;
    }

    /** @return the table, one line per row, with a rule under the header */
    public String render() {
        int[] w = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                int pad = w[i] - r[i].codePointCount(0, r[i].length());
                if (i == 0) {
                    line.append(r[i]).append(" ".repeat(pad));
                } else {
                    line.append(" ".repeat(pad)).append(r[i]);
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (n == 0) {
                int total = 0;
                for (int i = 0; i < columns; i++) {
                    total += w[i] + (i > 0 ? 2 : 0);
                }
                sb.append("-".repeat(total)).append('\n');
            }
        }
        return sb.toString();
    }
}
