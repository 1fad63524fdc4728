package com.eceops.runbook.lab;

import java.time.Instant;

/** One change the lab applied: when (virtual time), where, by which operation, and what went from before to after. */
public record LedgerEntry(Instant at, String host, String operation, String what, String before, String after) {

    @Override
    public String toString() {
        return at + " " + host + " " + operation + ": " + what + " " + before + " -> " + after;
    }
}
