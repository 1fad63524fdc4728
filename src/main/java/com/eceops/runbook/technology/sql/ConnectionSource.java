package com.eceops.runbook.technology.sql;

import java.sql.Connection;

/** Opens a connection to the instance on {@code host} (a collocated server or the listener's name). */
@FunctionalInterface
interface ConnectionSource {

    Connection open(String host, String database);
}
