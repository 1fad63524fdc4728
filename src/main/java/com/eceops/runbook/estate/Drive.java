package com.eceops.runbook.estate;

/** A drive the procedure expects on a server, for example {@code E} of 50 GB for ECE and SSIS. */
public record Drive(char letter, int sizeGb, String usage) {
}
