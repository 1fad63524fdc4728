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

    /**
     * The digest a plan shows of the inventory its run read: equal digests, equal values (names, addresses,
     * settings and the names of secrets; never a secret, which the inventory does not hold).
     */
    public static String digest(Estate estate) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(of(estate).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
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
