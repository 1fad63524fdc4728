package com.eceops.runbook.estate;

/** A credential reference that neither the environment nor the secrets file resolves. */
public class MissingSecretException extends RuntimeException {

    private final CredentialRef reference;

    public MissingSecretException(CredentialRef reference, String environmentVariable, String secretsFile, String why) {
        super("No secret for the credential reference '" + reference.name() + "': looked for the environment variable "
                + environmentVariable + " and for the key '" + reference.name() + "' in the secrets file " + secretsFile
                + " (" + why + ")");
        this.reference = reference;
    }

    public CredentialRef reference() {
        return reference;
    }
}
