package com.eceops.runbook.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.run.RunKey;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;

/** Live runs share the one real web endpoint client the application built, instead of one per step. */
class LiveWebEndpointsTest extends RunbookApplicationTest {

    @Autowired
    RealOperations real;

    @Autowired
    EstateRepository estates;

    @Autowired
    HttpWebEndpointOperations shared;

    @Test
    void everyLiveStepGetsTheApplicationsOneClient() {
        RunKey run = RunKey.parse("massivedynamic.live.20261125-220000");
        assertThat(real.live(run, estates.load("massivedynamic")).web()).isSameAs(shared)
                .isSameAs(real.live(RunKey.parse("massivedynamic.live.20261125-230000"), estates.load("massivedynamic")).web());
        real.release(run.toString());
        real.release("massivedynamic.live.20261125-230000");
    }
}
