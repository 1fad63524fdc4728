package com.eceops.runbook.technology.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a script into batches the way sqlcmd and SSMS do: on a line holding only {@code GO}, in any case,
 * optionally followed by a count ({@code GO 2} runs the batch twice). A GO inside a string literal, a quoted
 * identifier or a block comment is text, not a separator.
 */
final class GoSplitter {

    private static final Pattern GO = Pattern.compile("[ \\t]*go(?:[ \\t]+(\\d+))?[ \\t]*(?:--.*)?", Pattern.CASE_INSENSITIVE);

    /** One batch: its text, how many times to run it, and the script line it starts on (1-based). */
    record Batch(String text, int repeat, int firstLine) {

        String firstLineOfText() {
            return text.strip().lines().findFirst().orElse("");
        }
    }

    private GoSplitter() {
    }

    static List<Batch> split(String script) {
        List<Batch> batches = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = 1;
        int lineNumber = 0;
        Lexer lexer = new Lexer();
        for (String line : script.split("\\r?\\n", -1)) {
            lineNumber++;
            Matcher go = GO.matcher(line);
            if (lexer.atCodeLevel() && go.matches()) {
                int repeat = go.group(1) == null ? 1 : Integer.parseInt(go.group(1));
                add(batches, current, repeat, startLine);
                current.setLength(0);
                startLine = lineNumber + 1;
                continue;
            }
            lexer.scan(line);
            current.append(line).append('\n');
        }
        add(batches, current, 1, startLine);
        return batches;
    }

    private static void add(List<Batch> batches, StringBuilder text, int repeat, int startLine) {
        String batch = text.toString();
        if (!batch.isBlank() && repeat > 0) {
            // leading blank lines are dropped, and the start line moves with them
            int skipped = 0;
            while (batch.startsWith("\n") || batch.startsWith(" \n")) {
                batch = batch.substring(batch.indexOf('\n') + 1);
                skipped++;
            }
            batches.add(new Batch(batch.stripTrailing(), repeat, startLine + skipped));
        }
    }

    /** Tracks whether a line ends inside a string, a [quoted identifier] or a block comment. */
    private static final class Lexer {
        private char open; // '\'', '[', '"' or '*' for a block comment, 0 at code level
        private int commentDepth;

        boolean atCodeLevel() {
            return open == 0;
        }

        void scan(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                if (open == 0) {
                    if (c == '-' && next == '-') {
                        return;
                    } else if (c == '/' && next == '*') {
                        open = '*';
                        commentDepth = 1;
                        i++;
                    } else if (c == '\'' || c == '"') {
                        open = c;
                    } else if (c == '[') {
                        open = '[';
                    }
                } else if (open == '*') {
                    if (c == '/' && next == '*') {
                        commentDepth++;
                        i++;
                    } else if (c == '*' && next == '/') {
                        i++;
                        if (--commentDepth == 0) {
                            open = 0;
                        }
                    }
                } else {
                    char close = open == '[' ? ']' : open;
                    if (c == close) {
                        if (next == close) {
                            i++; // doubled quote: still inside
                        } else {
                            open = 0;
                        }
                    }
                }
            }
        }
    }
}
