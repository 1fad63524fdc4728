package com.eceops.runbook.estate;

/** No inventory of that name, or a name that can never be one (so no file was looked for). */
public class UnknownEstateException extends RuntimeException {

    private final String estate;

    public UnknownEstateException(String estate, String reason) {
        super("Unknown estate '" + estate + "': " + reason);
        this.estate = estate;
    }

    public String estate() {
        return estate;
    }
}
