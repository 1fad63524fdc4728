package com.eceops.runbook.estate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * An estate as it was when a run started, as JSON: every node of a cluster runs the run on the same estate, whatever
 * an inventory edited since, or a node's own estates folder, says. It holds references to secrets, never secrets.
 */
public final class EstateSnapshot {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EstateSnapshot() {
    }

    public static String of(Estate estate) {
        try {
            return MAPPER.writeValueAsString(estate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep estate " + estate.name() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static Estate read(String snapshot) {
        try {
            return MAPPER.readValue(snapshot, Estate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a kept estate: " + e.getOriginalMessage(), e);
        }
    }
}
