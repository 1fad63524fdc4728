package com.eceops.runbook.technology.reportsdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A started run of the utility: where it runs and the implementation's own handle (the lab's run id, or the
 * detached command's task and folder). Holds nothing secret, so it is kept as a process variable (JSON text)
 * between the rounds of the BPMN wait loop.
 */
public record UtilityRun(String host, String directory, String handle) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String toVariable() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static UtilityRun fromVariable(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no ReportsDB utility run was started");
        }
        try {
            return JSON.readValue(value.toString(), UtilityRun.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a ReportsDB utility run: " + e.getOriginalMessage());
        }
    }
}
