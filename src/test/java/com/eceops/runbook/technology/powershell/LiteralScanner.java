package com.eceops.runbook.technology.powershell;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a script the way PowerShell's tokenizer treats single-quoted strings, typographic quotes included,
 * and splits it into the code outside literals and the literals' values. Double-quoted strings and comments
 * are code here on purpose: the renderers put no value in them, so a value found there has escaped.
 */
final class LiteralScanner {

    record Scanned(String code, List<String> literals) {
    }

    private LiteralScanner() {
    }

    static Scanned scan(String script) {
        StringBuilder code = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (!isQuote(c)) {
                code.append(c);
                i++;
                continue;
            }
            StringBuilder literal = new StringBuilder();
            i++;
            while (true) {
                if (i >= script.length()) {
                    throw new IllegalStateException("unterminated literal: " + literal);
                }
                char d = script.charAt(i);
                if (isQuote(d)) {
                    if (i + 1 < script.length() && isQuote(script.charAt(i + 1))) {
                        literal.append(d);
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                literal.append(d);
                i++;
            }
            code.append("'_'");
            literals.add(literal.toString());
        }
        return new Scanned(code.toString(), literals);
    }

    private static boolean isQuote(char c) {
        return PowerShellLiteral.QUOTES.indexOf(c) >= 0;
    }
}
