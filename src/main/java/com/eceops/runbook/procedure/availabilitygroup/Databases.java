package com.eceops.runbook.procedure.availabilitygroup;

import java.util.List;
import java.util.Optional;

import com.eceops.runbook.technology.sql.DatabaseFacts;

final class Databases {

    private Databases() {
    }

    static Optional<DatabaseFacts> find(List<DatabaseFacts> databases, String name) {
        return databases.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }
}
