package com.eceops.runbook.procedure.postinstall;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * post-10 text edits of the web server's gadget files: the value of a {@code var name = "...";} line in
 * ece_config.js, and the scheme and host of the URL between {@code <gadget>} and {@code </gadget>} in agent.xml.
 * Values are escaped for their file (JavaScript string, XML text), so quotes or backslashes cannot break it;
 * everything else in the file is kept byte for byte.
 */
public final class WebServerConfigText {

    private static final Pattern GADGET = Pattern.compile("(<gadget>\\s*)([^<]*?)(\\s*</gadget>)");
    private static final Pattern URL = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://[^/]*(.*)$", Pattern.DOTALL);

    private WebServerConfigText() {
    }

    /** The file with {@code var name = "value";} (the first such declaration replaced); fails when there is none. */
    public static String withJsVar(String content, String name, String value) {
        Matcher m = jsVar(name).matcher(content);
        if (!m.find()) {
            throw new IllegalArgumentException("no var " + name + " in the file");
        }
        String replacement = m.group(1) + "\"" + jsEscape(value) + "\"" + m.group(3);
        return content.substring(0, m.start()) + replacement + content.substring(m.end());
    }

    /** The unescaped value of the first {@code var name = "...";}, empty when there is none. */
    public static Optional<String> jsVarValue(String content, String name) {
        Matcher m = jsVar(name).matcher(content);
        return m.find() ? Optional.of(jsUnescape(m.group(2))) : Optional.empty();
    }

    /** The gadget URL with scheme https and the given host, its path kept; fails when there is no gadget URL. */
    public static String withGadgetHost(String xml, String host) {
        Matcher m = GADGET.matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("no <gadget> URL in the file");
        }
        Matcher url = URL.matcher(xmlUnescape(m.group(2)));
        if (!url.matches()) {
            throw new IllegalArgumentException("the gadget is not a URL: " + m.group(2));
        }
        String wanted = "https://" + host + url.group(1);
        return xml.substring(0, m.start()) + m.group(1) + xmlEscape(wanted) + m.group(3) + xml.substring(m.end());
    }

    /** The unescaped URL between the first {@code <gadget>} and {@code </gadget>}, empty when there is none. */
    public static Optional<String> gadgetUrl(String xml) {
        Matcher m = GADGET.matcher(xml);
        return m.find() ? Optional.of(xmlUnescape(m.group(2))) : Optional.empty();
    }

    private static Pattern jsVar(String name) {
        return Pattern.compile("(\\bvar\\s+" + Pattern.quote(name) + "\\s*=\\s*)(?:\"((?:[^\"\\\\\\r\\n]|\\\\.)*)\"|'(?:[^'\\\\\\r\\n]|\\\\.)*')(\\s*;?)");
    }

    static String jsEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String jsUnescape(String literal) {
        if (literal == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
                continue;
            }
            char n = literal.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    static String xmlUnescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
