package com.eceops.runbook.technology.sql;

import static com.eceops.runbook.technology.sql.TSql.name;

import java.util.List;
import java.util.stream.Collectors;

/** post-8: the SSIS Server Maintenance Job's user may run the four cleanup procedures of SSISDB. */
final class SsisStatements {

    static final String CLEANUP_USER = "##MS_SSISServerCleanupJobUser##";
    static final List<String> CLEANUP_PROCEDURES = List.of("cleanup_server_execution_keys", "cleanup_server_log",
            "cleanup_server_project_version", "cleanup_server_retention_window");

    private SsisStatements() {
    }

    static String grantCleanupExecute(String catalogDatabase) {
        return "USE " + name(catalogDatabase) + ";\n" + CLEANUP_PROCEDURES.stream()
                .map(p -> "GRANT EXECUTE ON " + name("internal") + "." + name(p) + " TO " + name(CLEANUP_USER) + ";")
                .collect(Collectors.joining("\n"));
    }
}
