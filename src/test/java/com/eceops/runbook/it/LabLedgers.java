package com.eceops.runbook.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A rehearsal's ledger as the lab stored it (RB_LAB_LEDGER), made comparable between runs: virtual instants are
 * replaced by a placeholder and the entries sorted, since parallel branches may land in either order. Two runs
 * with equal lists made the same changes, each as often.
 */
final class LabLedgers {

    private LabLedgers() {
    }

    static List<String> of(Connection connection, String runKey) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT HOST, OPERATION, WHAT, BEFORE_VALUE, AFTER_VALUE"
                + " FROM RB_LAB_LEDGER WHERE RUN_ID = ? ORDER BY SEQ")) {
            query.setString(1, runKey);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(timeless(rows.getString(1) + " " + rows.getString(2) + ": " + rows.getString(3) + " "
                            + rows.getString(4) + " -> " + rows.getString(5)));
                }
            }
        }
        Collections.sort(entries);
        return entries;
    }

    private static String timeless(String entry) {
        return entry.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
    }
}
