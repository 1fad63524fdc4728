package com.eceops.runbook.estate;

import java.util.Optional;

/**
 * The Active Directory domain. The management host and the domain-admin credential are optional: without
 * them the Active Directory steps become guided tasks for the domain administrators. With them, a live run
 * sends the AD scripts to the management host over {@code managementConnection}: the {@code connections}
 * defaults overlaid with {@code domain.managementConnection}, logged on with the domain-admin credential
 * (empty without a management host, and when the management host is one of the estate's servers, which keeps
 * its own connection).
 */
public record Domain(
        String fqdn,
        String netbios,
        String organizationalUnit,
        Optional<String> managementHost,
        Optional<CredentialRef> domainAdmin,
        Optional<Connection> managementConnection) {

    public Domain(String fqdn, String netbios, String organizationalUnit, Optional<String> managementHost,
                  Optional<CredentialRef> domainAdmin) {
        this(fqdn, netbios, organizationalUnit, managementHost, domainAdmin, Optional.empty());
    }

    Domain withManagementConnection(Optional<Connection> connection) {
        return new Domain(fqdn, netbios, organizationalUnit, managementHost, domainAdmin, connection);
    }
}
