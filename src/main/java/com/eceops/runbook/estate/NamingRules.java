package com.eceops.runbook.estate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names that Windows and Active Directory will be asked to create: computer names, the cluster and listener
 * network names (NetBIOS, so at most 15 characters), the domain's DNS and NetBIOS names and the OU.
 */
final class NamingRules implements EstateRule {

    private static final Pattern NETBIOS_CHARS = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    @Override
    public void check(Estate estate, Findings findings) {
        // Each of these becomes a computer object in AD, so no two may share a name.
        List<String[]> computers = new ArrayList<>();
        for (PlacedServer placed : PlacedServer.of(estate)) {
            computers.add(new String[] {placed.path("name"), placed.server().name()});
        }
        if (estate.cluster() != null) {
            computers.add(new String[] {"cluster.name", estate.cluster().name()});
        }
        if (estate.availabilityGroup() != null) {
            computers.add(new String[] {"availabilityGroup.listener.name", estate.availabilityGroup().listenerName()});
        }
        Map<String, String> taken = new HashMap<>();
        for (String[] computer : computers) {
            if (computer[1] == null) {
                continue;
            }
            netbios(computer[0], computer[1], findings);
            String earlier = taken.putIfAbsent(computer[1].toUpperCase(Locale.ROOT), computer[0]);
            if (earlier != null) {
                findings.add(computer[0], "the name " + computer[1] + " is already used by " + earlier);
            }
        }
        Domain domain = estate.domain();
        if (domain != null) {
            if (domain.netbios() != null) {
                netbios("domain.netbios", domain.netbios(), findings);
            }
            if (domain.fqdn() != null) {
                dnsName("domain.fqdn", domain.fqdn(), findings);
                if (domain.organizationalUnit() != null) {
                    organizationalUnit(domain.organizationalUnit(), domain.fqdn(), findings);
                }
            }
        }
        if (estate.ece() != null && estate.ece().fqdn() != null) {
            dnsName("ece.fqdn", estate.ece().fqdn(), findings);
        }
    }

    static void netbios(String path, String name, Findings findings) {
        if (name.length() > 15) {
            findings.add(path, "'" + name + "' has " + name.length() + " characters; a NetBIOS name has at most 15");
        }
        if (!NETBIOS_CHARS.matcher(name).matches()) {
            findings.add(path, "'" + name + "' may only contain letters, digits and hyphens");
        } else if (name.chars().allMatch(Character::isDigit)) {
            findings.add(path, "'" + name + "' is all digits, which Windows does not accept as a name");
        } else if (name.startsWith("-")) {
            findings.add(path, "'" + name + "' must not start with a hyphen");
        }
    }

    static void dnsName(String path, String name, Findings findings) {
        String[] labels = name.split("\\.", -1);
        boolean valid = name.length() <= 253 && labels.length >= 2
                && java.util.Arrays.stream(labels).allMatch(label -> DNS_LABEL.matcher(label).matches())
                && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
        if (!valid) {
            findings.add(path, "'" + name + "' is not a fully qualified DNS name (such as massivedynamic.com)");
        }
    }

    /** The OU must sit in this domain: a DN whose trailing DC= components spell the domain's FQDN. */
    private static void organizationalUnit(String dn, String fqdn, Findings findings) {
        String path = "domain.organizationalUnit";
        List<String> expectedDc = new ArrayList<>();
        for (String label : fqdn.split("\\.")) {
            expectedDc.add("DC=" + label);
        }
        String[] components = dn.split("(?<!\\\\),", -1);
        for (String component : components) {
            if (!component.trim().matches("[A-Za-z]+=.+")) {
                findings.add(path, "'" + dn + "' is not a distinguished name (such as OU=ECE Cluster,"
                        + String.join(",", expectedDc) + ")");
                return;
            }
        }
        int containers = components.length - expectedDc.size();
        boolean inDomain = containers >= 1;
        for (int i = 0; inDomain && i < expectedDc.size(); i++) {
            inDomain = components[containers + i].trim().replaceAll("\\s*=\\s*", "=").equalsIgnoreCase(expectedDc.get(i));
        }
        if (inDomain && components[containers - 1].trim().toUpperCase(Locale.ROOT).startsWith("DC=")) {
            inDomain = false;
        }
        if (!inDomain) {
            findings.add(path, "'" + dn + "' must be an OU of the domain " + fqdn + ", ending with " + String.join(",", expectedDc));
        }
    }
}
