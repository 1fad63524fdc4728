package com.eceops.runbook.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An operation slowed by a scenario fault: replayed on its facade when virtual time reaches {@code due}. */
class PendingCall {
    public Instant due;
    public String facade;
    public String operation;
    public List<JsonNode> arguments = new ArrayList<>();
}
