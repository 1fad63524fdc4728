package com.eceops.runbook.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The pace of the BPMN timer-and-check loops: real servers are checked less often than the lab, a plan's lab at once. */
@ConfigurationProperties("runbook.waits")
public record WaitSettings(Duration rehearsalPollInterval, Duration livePollInterval, int maxPolls) {

    /** How many checks a loop makes before it asks the operators, when the configuration says nothing. */
    public static final int DEFAULT_MAX_POLLS = 40;

    public WaitSettings {
        rehearsalPollInterval = rehearsalPollInterval == null ? Duration.ofSeconds(2) : rehearsalPollInterval;
        livePollInterval = livePollInterval == null ? Duration.ofSeconds(30) : livePollInterval;
        maxPolls = maxPolls <= 0 ? DEFAULT_MAX_POLLS : maxPolls;
    }

    /** A plan walks a lab where nothing takes time, so its loops never wait between checks. */
    Duration pollInterval(RunMode mode) {
        return switch (mode) {
            case REHEARSAL -> rehearsalPollInterval;
            case PLAN -> Duration.ZERO;
            case LIVE -> livePollInterval;
        };
    }
}
