package com.eceops.runbook.lab;

import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import com.eceops.runbook.estate.Drive;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.Server;
import java.time.Instant;

/**
 * The lab's starting point (after sys-1 to sys-4): four domain-joined Windows Server 2016 servers with their
 * drives, SQL Server 2016 Enterprise on the collocated ones, and nothing of the procedure done yet.
 */
final class BareLab {

    static final String OS_CAPTION = "Microsoft Windows Server 2016 Datacenter";
    static final String OS_VERSION = "10.0.14393";
    static final String SQL_EDITION = "Enterprise Edition (64-bit)";
    static final String SQL_VERSION = "13.0.5026.0";

    private BareLab() {
    }

    static LabState create(Estate estate, LabScenario scenario, Instant now) {
        LabState state = new LabState();
        state.estate = estate;
        state.scenario = scenario;
        for (Server server : estate.allServers()) {
            LabScenario.HostOverride override = scenario.host(server.name());
            HostState h = new HostState();
            h.name = LabContext.key(server.name());
            h.role = server.role().name();
            h.side = server.side();
            h.osCaption = OS_CAPTION;
            h.osVersion = override.osVersion() != null ? override.osVersion() : OS_VERSION;
            for (Drive drive : server.drives()) {
                String letter = String.valueOf(drive.letter()).toUpperCase();
                if (override.missingDrives().stream().noneMatch(d -> d.equalsIgnoreCase(letter))) {
                    h.drivesGb.put(letter, drive.sizeGb());
                }
            }
            runningService(h, "WinRM", "NT AUTHORITY\\NetworkService", now);
            if (server.collocated()) {
                runningService(h, "MSSQLSERVER", "NT Service\\MSSQLSERVER", now);
                runningService(h, "SQLSERVERAGENT", "NT Service\\SQLSERVERAGENT", now);
                SqlInstanceState sql = new SqlInstanceState();
                sql.host = h.name;
                sql.instanceName = server.sqlInstance();
                sql.edition = override.sqlEdition() != null ? override.sqlEdition() : SQL_EDITION;
                sql.productVersion = SQL_VERSION;
                state.sql.put(h.name, sql);
            }
            state.hosts.put(h.name, h);
            state.ece.put(h.name, new EceHostState());
            computer(state, h.name, "CN=" + h.name + ",CN=Computers," + domainDn(estate));
        }
        AdState.AdObject installer = new AdState.AdObject();
        installer.name = estate.accounts().clusterAdmin().name();
        installer.kind = DirectoryObject.Kind.USER;
        installer.distinguishedName = "CN=" + installer.name + ",CN=Users," + domainDn(estate);
        installer.enabled = true;
        state.activeDirectory.objects.put(LabContext.key(installer.name), installer);
        return state;
    }

    private static void runningService(HostState h, String name, String account, Instant now) {
        ServiceState s = new ServiceState();
        s.name = name;
        s.account = account;
        s.startedAt = now;
        h.services.put(LabContext.key(name), s);
    }

    private static void computer(LabState state, String name, String dn) {
        AdState.AdObject o = new AdState.AdObject();
        o.name = name;
        o.kind = DirectoryObject.Kind.COMPUTER;
        o.distinguishedName = dn;
        o.enabled = true;
        state.activeDirectory.objects.put(LabContext.key(name), o);
    }

    private static String domainDn(Estate estate) {
        return "DC=" + String.join(",DC=", estate.domain().fqdn().split("\\."));
    }
}
