package com.eceops.runbook.run;

import java.util.Optional;

/** The lab scenarios a rehearsal may name: the guard refuses an unknown one before anything of the run is kept. */
public interface KnownScenarios {

    /** Why the name cannot be used, or empty when it names a scenario that loads. */
    Optional<String> problemWith(String name);
}
