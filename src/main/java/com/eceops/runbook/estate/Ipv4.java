package com.eceops.runbook.estate;

/** Dotted-quad IPv4 addresses as unsigned 32-bit numbers. */
final class Ipv4 {

    private Ipv4() {
    }

    static long parse(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
        }
        long value = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
            }
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String format(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
