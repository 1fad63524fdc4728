package com.eceops.runbook.technology.ece;

/**
 * One email process or instance as the ECE system console lists it: {@code scope} is {@code system} for the
 * processes of Shared Resources and the partition's name for its instances; {@code kind} is Dispatcher or
 * Retriever; start type Automatic or Manual; state Running or Stopped.
 */
public record EmailProcess(String scope, String kind, String name, String startType, String state) {

    public boolean stoppedAndManual() {
        return "Stopped".equalsIgnoreCase(state) && "Manual".equalsIgnoreCase(startType);
    }

    public boolean runningAndAutomatic() {
        return "Running".equalsIgnoreCase(state) && "Automatic".equalsIgnoreCase(startType);
    }
}
