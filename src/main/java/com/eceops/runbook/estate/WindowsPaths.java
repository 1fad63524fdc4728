package com.eceops.runbook.estate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Windows local paths ({@code E:\ECE}) and UNC paths ({@code \\server\share\dir}) as the inventory writes them. */
final class WindowsPaths {

    private static final Pattern DRIVE_PATH = Pattern.compile("[A-Za-z]:\\\\(.*)", Pattern.DOTALL);
    // '/' is legal to Windows, but the scripts we render expect backslashes only.
    private static final Pattern INVALID_CHARS = Pattern.compile("[<>:\"|?*/\\x00-\\x1f]");

    private WindowsPaths() {
    }

    /** {@code X:\} or {@code X:\dir\...}: no empty component, no trailing backslash except the root's. */
    static boolean isDrivePath(String path) {
        var matcher = DRIVE_PATH.matcher(path);
        if (!matcher.matches()) {
            return false;
        }
        String rest = matcher.group(1);
        return rest.isEmpty() || validComponents(rest);
    }

    /** {@code \\server\share} followed by any directories, without a trailing backslash. */
    static boolean isUncPath(String path) {
        return path.startsWith("\\\\") && uncComponents(path).size() >= 2 && validComponents(path.substring(2));
    }

    /** The components of a UNC path after the leading {@code \\}: server, share, directories. */
    static List<String> uncComponents(String path) {
        if (!path.startsWith("\\\\")) {
            return List.of();
        }
        return Arrays.asList(path.substring(2).split("\\\\", -1));
    }

    static char driveLetter(String drivePath) {
        return Character.toUpperCase(drivePath.charAt(0));
    }

    /** True when one path is the other or lies inside it; Windows compares paths case-insensitively. */
    static boolean sameOrNested(String one, String other) {
        String a = withSeparator(one.toLowerCase(Locale.ROOT));
        String b = withSeparator(other.toLowerCase(Locale.ROOT));
        return a.startsWith(b) || b.startsWith(a);
    }

    private static String withSeparator(String path) {
        return path.endsWith("\\") ? path : path + "\\";
    }

    // Windows drops a trailing dot or space from a name, so "ECE." would silently be "ECE"; "." and ".." too.
    private static boolean validComponents(String components) {
        for (String component : components.split("\\\\", -1)) {
            if (component.isBlank() || INVALID_CHARS.matcher(component).find()
                    || component.endsWith(" ") || component.endsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
