package com.eceops.runbook.estate;

/**
 * Control characters: what no inventory text may hold ({@link InventoryText}) and what no comment, heading or
 * problem message may show raw. A control character here is any C0 control (below U+0020: NUL, tab, line
 * feed, carriage return, ...), DEL and the C1 controls (U+007F to U+009F, NEL U+0085 among them), and the
 * Unicode line and paragraph separators U+2028 and U+2029: everything that can end a line in some reader
 * (T-SQL, PowerShell, Markdown, YAML 1.1, a terminal) or hide text from it.
 */
public final class SingleLine {

    private SingleLine() {
    }

    /**
     * Control characters, line and paragraph separators, and the invisible format characters that reorder or hide
     * text (bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order mark): a plan a
     * change board reads must show what will be sent, in the order it will be sent.
     */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
    }

    /** The index of the first control character of {@code text}, or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code text} on one line: each control character written as a backslash, {@code u} and its code in four hex
     * digits (Java's escape), so a value can neither end a {@code --} comment or a {@code #} heading nor start a line of its own, and a reader
     * still sees that something was there.
     */
    public static String of(String text) {
        if (text == null || firstControl(text) < 0) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                line.append(String.format("\\u%04X", (int) c));
            } else {
                line.append(c);
            }
        }
        return line.toString();
    }

    /** {@code U+000A (line feed)}: how a problem message names the character. */
    static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        String name = switch (c) {
            case '\0' -> "NUL";
            case '\t' -> "tab";
            case '\n' -> "line feed";
            case '\r' -> "carriage return";
            case '\u000B' -> "vertical tab";
            case '\u000C' -> "form feed";
            case '\u001B' -> "escape";
            case '\u007F' -> "delete";
            case '\u0085' -> "next line";
            case '\u2028' -> "line separator";
            case '\u2029' -> "paragraph separator";
            default -> c >= '\u200B' ? "invisible format character" : "control character";
        };
        return code + " (" + name + ")";
    }
}
