package com.eceops.runbook.estate;

import java.util.Optional;

/**
 * The Active Directory domain. The management host and the domain-admin credential are optional: without
 * them the Active Directory steps become guided tasks for the domain administrators.
 */
public record Domain(
        String fqdn,
        String netbios,
        String organizationalUnit,
        Optional<String> managementHost,
        Optional<CredentialRef> domainAdmin) {
}
