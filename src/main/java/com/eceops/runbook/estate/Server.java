package com.eceops.runbook.estate;

import java.util.List;

/**
 * One Windows server. {@code applicationServer} is set on web servers only and names the collocated server
 * whose Jetty port the web server's IIS forwards to; {@code sqlInstance} is set on collocated servers only.
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
        Connection connection) {

    public boolean collocated() {
        return role == ServerRole.COLLOCATED;
    }
}
