package com.eceops.runbook.technology.windows;

import java.util.List;

/** What a server says about itself: the OS, its drives and whether a restart is pending. */
public record HostFacts(String host, String osCaption, String osVersion, List<DriveFacts> drives,
                        boolean restartPending) {

    public record DriveFacts(char letter, long sizeGb, long freeGb) {
    }

    /** Windows Server 2016 reports version 10.0.14393. */
    public boolean isWindowsServer2016() {
        return osVersion != null && osVersion.startsWith("10.0.14393");
    }
}
