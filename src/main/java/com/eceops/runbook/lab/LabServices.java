package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.windows.ServiceStatus;
import java.time.Instant;

/**
 * Windows services of the simulated servers. The Cisco service is special the way the document describes it:
 * the collocated server that starts first carries 25 processes (20-30), the other 10 (9-10), they appear over
 * up to 15 minutes and go over 3-5 minutes after a stop.
 */
final class LabServices {

    static final int MAIN_SIDE_PROCESSES = 25;
    static final int OTHER_SIDE_PROCESSES = 10;

    private final LabContext lab;

    LabServices(LabContext lab) {
        this.lab = lab;
    }

    ServiceStatus read(HostState h, String name) {
        ServiceState s = h.services.get(LabContext.key(name));
        if (s == null) {
            return new ServiceStatus(name, false, ServiceStatus.Status.STOPPED, ServiceStatus.StartType.DISABLED, null);
        }
        return new ServiceStatus(s.name, true, s.status(lab.now()), s.startType, s.account);
    }

    Change setStartType(HostState h, String name, ServiceStatus.StartType type) {
        ServiceState s = existing(h, name);
        if (s.startType == type) {
            return LabContext.unchanged("service " + s.name + " start type", type);
        }
        ServiceStatus.StartType before = s.startType;
        s.startType = type;
        return lab.record(h.name, "service " + s.name + " start type", before, type);
    }

    Change start(HostState h, String name) {
        ServiceState s = existing(h, name);
        Instant now = lab.now();
        if (s.running()) {
            return LabContext.unchanged("service " + s.name, s.status(now));
        }
        if (s.startType == ServiceStatus.StartType.DISABLED) {
            throw lab.refuse(h.name, "the service " + s.name + " cannot be started because it is disabled");
        }
        if (s.status(now) == ServiceStatus.Status.STOP_PENDING) {
            throw lab.refuse(h.name, "the service " + s.name + " cannot accept control messages: it is still stopping ("
                    + s.processes(now) + " processes left)");
        }
        if (isCiscoService(s)) {
            boolean otherRunning = lab.state().hosts.values().stream().filter(o -> o != h)
                    .map(o -> o.services.get(LabContext.key(s.name))).anyMatch(o -> o != null && o.running());
            s.processTarget = otherRunning ? OTHER_SIDE_PROCESSES : MAIN_SIDE_PROCESSES;
            s.rampUpMillis = (otherRunning ? lab.durations().ciscoStartOther() : lab.durations().ciscoStartMain()).toMillis();
            s.rampDownMillis = lab.durations().ciscoStop().toMillis();
        }
        ServiceStatus.Status before = s.status(now);
        s.startedAt = now;
        return lab.record(h.name, "service " + s.name, before, "Running (" + s.processTarget + " processes expected)");
    }

    Change stop(HostState h, String name) {
        ServiceState s = existing(h, name);
        Instant now = lab.now();
        if (!s.running()) {
            return LabContext.unchanged("service " + s.name, s.status(now));
        }
        s.stoppedAt = now;
        return lab.record(h.name, "service " + s.name, "Running", s.status(now));
    }

    /** After a restart, services that start automatically begin again when the host is back. */
    void restartAll(HostState h, Instant back) {
        for (ServiceState s : h.services.values()) {
            boolean wasRunning = s.running();
            if (wasRunning || s.startType == ServiceStatus.StartType.AUTOMATIC) {
                s.stoppedAt = lab.now();
                s.startedAt = s.startType == ServiceStatus.StartType.AUTOMATIC ? back : s.startedAt;
            }
        }
    }

    int processesRunningAs(HostState h, String account) {
        String wanted = bareAccount(account);
        return h.services.values().stream().filter(s -> s.account != null && bareAccount(s.account).equals(wanted))
                .mapToInt(s -> s.processes(lab.now())).sum();
    }

    ServiceState create(HostState h, String name, String account, ServiceStatus.StartType type) {
        ServiceState s = new ServiceState();
        s.name = name;
        s.account = account;
        s.startType = type;
        h.services.put(LabContext.key(name), s);
        return s;
    }

    private boolean isCiscoService(ServiceState s) {
        return s.name.equalsIgnoreCase(lab.estate().ece().serviceName());
    }

    private ServiceState existing(HostState h, String name) {
        ServiceState s = h.services.get(LabContext.key(name));
        if (s == null) {
            throw lab.refuse(h.name, "no service " + name + " on " + h.name);
        }
        return s;
    }

    /** {@code MASSIVE\ECESvc}, {@code ECESvc@massivedynamic.com} and {@code ECESvc} are the same account. */
    static String bareAccount(String account) {
        String a = account.contains("\\") ? account.substring(account.indexOf('\\') + 1) : account;
        a = a.contains("@") ? a.substring(0, a.indexOf('@')) : a;
        return LabContext.key(a);
    }
}
