package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import java.nio.file.Path;

/** The sample inventory, loaded and validated as the application loads it. */
final class SampleEstate {

    private SampleEstate() {
    }

    static Estate massiveDynamic() {
        return new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("target/no-secrets.properties")))
                .load("massivedynamic");
    }
}
