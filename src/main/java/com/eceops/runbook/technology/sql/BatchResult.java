package com.eceops.runbook.technology.sql;

import java.util.List;
import java.util.Map;

/** What one batch produced: messages (BACKUP's progress and 3014 included), update counts and result sets. */
public record BatchResult(String firstLine, List<ServerMessage> messages, List<Integer> updateCounts,
                          List<List<Map<String, Object>>> resultSets) {

    public List<Map<String, Object>> firstResultSet() {
        return resultSets.isEmpty() ? List.of() : resultSets.get(0);
    }
}
