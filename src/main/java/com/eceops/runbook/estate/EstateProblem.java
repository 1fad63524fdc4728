package com.eceops.runbook.estate;

/**
 * One thing wrong with an inventory: where it is ({@code sides.a.collocated.ip}, {@code patchWindows[0].zone};
 * empty for the document as a whole), the line in the YAML file (0 when no line is known) and what is wrong.
 * Control characters in the path or the message are shown escaped ({@link SingleLine#of}), so that every
 * problem is one line of the report whatever the inventory holds.
 */
public record EstateProblem(String path, int line, String message) {

    /** A key or value with a line break must not forge a line of the report. */
    public EstateProblem {
        path = SingleLine.of(path);
        message = SingleLine.of(message);
    }

    @Override
    public String toString() {
        String where = path.isEmpty() ? "inventory" : path;
        return line > 0 ? where + " (line " + line + "): " + message : where + ": " + message;
    }
}
