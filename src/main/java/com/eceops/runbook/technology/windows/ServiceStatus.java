package com.eceops.runbook.technology.windows;

/** A Windows service as {@code Get-Service}/{@code Get-CimInstance Win32_Service} show it. */
public record ServiceStatus(String name, boolean exists, Status status, StartType startType, String account) {

    public enum Status { RUNNING, STOPPED, START_PENDING, STOP_PENDING }

    public enum StartType { AUTOMATIC, MANUAL, DISABLED }
}
