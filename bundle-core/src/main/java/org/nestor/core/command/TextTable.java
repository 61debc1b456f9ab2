package org.nestor.core.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned plain-text columns: readable on a console and stable for scripts. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        rows.add(headers);
    }

    public void row(String... cells) {
        rows.add(cells);
    }

    public void print(PrintStream out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i < row.length - 1 ? String.format("%-" + widths[i] + "s  ", row[i]) : row[i]);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
