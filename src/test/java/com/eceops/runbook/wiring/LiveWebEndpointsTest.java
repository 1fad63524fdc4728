package com.eceops.runbook.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.eceops.runbook.RunbookApplicationTest;
import com.eceops.runbook.technology.web.HttpWebEndpointOperations;

/** Live runs share the one real web endpoint client the application built, instead of one per step. */
class LiveWebEndpointsTest extends RunbookApplicationTest {

    @Autowired
    RealOperations real;

    @Autowired
    HttpWebEndpointOperations shared;

    @Test
    void everyLiveStepGetsTheApplicationsOneClient() {
        assertThat(real.liveWeb()).isSameAs(shared).isSameAs(real.liveWeb());
    }
}
