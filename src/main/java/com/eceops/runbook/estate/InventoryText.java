package com.eceops.runbook.estate;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The text of an inventory, checked before anything is bound: one walk over every scalar of the YAML tree,
 * keys included, however deep. No text may hold a control character ({@link SingleLine#isControl}); no text
 * may be longer than {@link #LONGEST}; the values that become names elsewhere (SQL Server identifiers,
 * Windows service and account names, directories) have the limits of {@link #FIELDS}. A refused scalar is
 * reported once, with its path and line, and read as null by {@link YamlMap}, so that no later rule blames
 * the same value again or sees it at all.
 */
final class InventoryText {

    /** No text of the inventory is longer; the longest real values (paths, an OU's DN) are far shorter. */
    static final int LONGEST = 1024;

    /**
     * The longest a database name may be here: SQL Server allows 128 (sysname), but the runbook derives other
     * sysname values from it by appending up to 25 characters (the backup set {@code <database>-Full Backup
     * Before Patch}, the log file {@code <database>_log}); 100 leaves room for those and a little more.
     */
    static final int DATABASE_NAME = 100;

    /** A field's limits: its path (as YamlMap builds paths), the longest value and, optionally, a character rule. */
    record Field(Pattern path, int longest, String what, Pattern characters, String charactersRule) {

        Field(String path, int longest, String what) {
            this(Pattern.compile(path), longest, what, null, null);
        }

        Field(String path, int longest, String what, String characters, String charactersRule) {
            this(Pattern.compile(path), longest, what, Pattern.compile(characters), charactersRule);
        }
    }

    /**
     * Limits of single fields (docs/inventory.md, "Text"). NetBIOS and DNS names are NamingRules' (15 and 253);
     * what is not here has only {@link #LONGEST}.
     */
    static final List<Field> FIELDS = List.of(
            // SQL Server identifiers: sysname, at most 128 characters (Database identifiers; CREATE AVAILABILITY GROUP).
            new Field("sqlServer\\.databases\\.(active|master|reports|seeding)", DATABASE_NAME,
                    "a database name is a SQL Server identifier (sysname, at most 128 characters) and at most "
                            + DATABASE_NAME + " here, as the runbook names backup sets and log files after it"),
            new Field("availabilityGroup\\.name", 128,
                    "an availability group name is a SQL Server identifier (sysname) of at most 128 characters"),
            // SQL Server setup's instance name rules: at most 16 characters, a letter first, then letters, digits, $ or _.
            new Field("sides\\.[^.]+\\.collocated\\.sqlInstance", 16, "a SQL Server instance name has at most 16 characters",
                    "\\p{L}[\\p{L}\\p{Nd}$_]*", "a SQL Server instance name is a letter followed by letters, digits, $ or _"),
            // CreateService: lpServiceName at most 256 characters; '/' and '\' are not valid.
            new Field("ece\\.serviceName", 256, "a Windows service name has at most 256 characters",
                    "[^/\\\\]+", "a Windows service name cannot contain / or \\"),
            // SAM-Account-Name: 20 characters or fewer, none of " / \ [ ] : ; | = , + * ? < >
            new Field("accounts\\.(sqlService|eceService|clusterAdmin)\\.name", 20,
                    "an account name (sAMAccountName, the name after DOMAIN\\) has at most 20 characters",
                    "[^\"/\\\\\\[\\]:;|=,+*?<>]+", "an account name cannot contain any of \" / \\ [ ] : ; | = , + * ? < >"),
            new Field("sqlServer\\.connection\\.user", 128, "a SQL Server login name (sysname) has at most 128 characters"),
            new Field("sqlServer\\.connection\\.domain", 15, "a NetBIOS domain name has at most 15 characters"),
            // DNS names: 253 characters in text form (RFC 1035's 255 octets on the wire).
            new Field("domain\\.managementHost", 253, "a host name has at most 253 characters"),
            new Field("sqlServer\\.connection\\.hostNameInCertificate", 253, "a host name has at most 253 characters"),
            new Field("ece\\.adminWorkstations\\[\\d+\\]", 253, "a computer name has at most 253 characters"),
            // Directories: MAX_PATH is 260 with the terminating NUL; 248 leaves room for a file name (CreateDirectory).
            new Field("paths\\.[A-Za-z]+|dfs\\.(path|localPath)|ece\\.mediaPath", 248,
                    "a directory has at most 248 characters (MAX_PATH less room for a file name)"));

    private final Problems problems;
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();

    private InventoryText(Problems problems) {
        this.problems = problems;
    }

    /** Walks the whole tree and reports each text that breaks a rule; those nodes are refused in {@code problems}. */
    static void check(Node root, Problems problems) {
        new InventoryText(problems).walk(root, "");
    }

    private void walk(Node node, String path) {
        // Aliases can make the tree a graph; each node is checked once.
        if (seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            value(scalar, path);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                String child = path;
                if (key instanceof ScalarNode name) {
                    child = path.isEmpty() ? name.getValue() : path + "." + name.getValue();
                    key(name, child);
                } else {
                    walk(key, path);
                }
                walk(tuple.getValueNode(), child);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                walk(sequence.getValue().get(i), path + "[" + i + "]");
            }
        }
    }

    private void key(ScalarNode key, String path) {
        seen.put(key, Boolean.TRUE);
        String text = key.getValue();
        int at = SingleLine.firstControl(text);
        if (at >= 0) {
            refuse(key, path, "the key '" + SingleLine.of(text) + "' holds " + SingleLine.describe(text.charAt(at))
                    + " at character " + (at + 1) + "; no key or value of the inventory may hold control characters");
        } else if (text.length() > LONGEST) {
            refuse(key, path, "a key of " + text.length() + " characters; no key or value of the inventory is longer than " + LONGEST);
        }
    }

    private void value(ScalarNode scalar, String path) {
        if (YamlMap.isEmpty(scalar)) {
            return; // no value at all: the binder reports it where one is required
        }
        String text = scalar.getValue();
        int at = SingleLine.firstControl(text);
        if (at >= 0) {
            refuse(scalar, path, "'" + shown(text) + "' holds " + SingleLine.describe(text.charAt(at)) + " at character "
                    + (at + 1) + "; no key or value of the inventory may hold control characters (tabs and line breaks included)");
            return;
        }
        Field field = FIELDS.stream().filter(f -> f.path().matcher(path).matches()).findFirst().orElse(null);
        if (field != null && text.length() > field.longest()) {
            refuse(scalar, path, "'" + shown(text) + "' has " + text.length() + " characters; " + field.what());
        } else if (text.length() > LONGEST) {
            refuse(scalar, path, "'" + shown(text) + "' has " + text.length()
                    + " characters; no key or value of the inventory is longer than " + LONGEST);
        } else if (field != null && field.characters() != null && !field.characters().matcher(text).matches()) {
            refuse(scalar, path, "'" + text + "': " + field.charactersRule());
        }
    }

    private void refuse(Node node, String path, String message) {
        problems.add(path, node, message);
        problems.refuse(node);
    }

    /** The start of a long value: enough to recognise it, not ten thousand characters of message. */
    private static String shown(String text) {
        String start = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return SingleLine.of(start);
    }
}
