package com.eceops.runbook.estate;

/** An IPv4 subnet in CIDR notation, such as {@code 14.10.162.0/24}. */
public record Subnet(String cidr, long network, int prefixLength) {

    public static Subnet parse(String cidr) {
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + cidr + "' is not in CIDR notation (for example 14.10.162.0/24)");
        }
        long address = Ipv4.parse(parts[0]);
        int prefix;
        try {
            prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a prefix length");
        }
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("prefix length " + prefix + " is outside 8..30");
        }
        long mask = mask(prefix);
        if ((address & mask) != address) {
            throw new IllegalArgumentException("'" + cidr + "' has host bits set; the network is "
                    + Ipv4.format(address & mask) + "/" + prefix);
        }
        return new Subnet(cidr, address, prefix);
    }

    public boolean contains(String ip) {
        long address = Ipv4.parse(ip);
        return (address & mask(prefixLength)) == network;
    }

    /** True for the network and broadcast addresses, which no host may take. */
    public boolean isReserved(String ip) {
        long address = Ipv4.parse(ip);
        long broadcast = network | (~mask(prefixLength) & 0xFFFFFFFFL);
        return address == network || address == broadcast;
    }

    private static long mask(int prefix) {
        return (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }
}
