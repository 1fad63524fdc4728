package com.eceops.runbook.technology.ece;

/** The JSON answers of the ECE scripts, as records; field names are the scripts' property names. */
final class EceAnswers {

    private EceAnswers() {
    }

    record Installation(boolean servicePresent, boolean homePresent, boolean webServerFilePresent) {
    }
}
