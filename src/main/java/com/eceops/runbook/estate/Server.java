package com.eceops.runbook.estate;

import java.util.List;

/**
 * One Windows server. {@code applicationServer} is set on web servers only and names the collocated server
 * whose Jetty port the web server's IIS forwards to; {@code sqlInstance} is set on collocated servers only, and
 * {@code sqlPort} there when the instance listens on a static TCP port the runbook should use instead of SQL Browser's
 * answer (a named instance) or 1433 (the default instance); null otherwise.
 */
public record Server(
        String name,
        String ip,
        ServerRole role,
        String side,
        List<Drive> drives,
        String eceHome,
        String applicationServer,
        String sqlInstance,
        Integer sqlPort,
        Connection connection) {

    public boolean collocated() {
        return role == ServerRole.COLLOCATED;
    }
}
