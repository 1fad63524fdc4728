package com.eceops.runbook.technology.powershell;

import com.eceops.runbook.technology.activedirectory.ActiveDirectoryScripts;
import com.eceops.runbook.technology.cluster.ClusterScripts;
import com.eceops.runbook.technology.dfs.DfsScripts;
import com.eceops.runbook.technology.ece.EceScripts;
import com.eceops.runbook.technology.reportsdb.ReportsDbScripts;
import com.eceops.runbook.technology.sql.SqlHostScripts;
import com.eceops.runbook.technology.windows.FileScripts;
import com.eceops.runbook.technology.windows.HostScripts;
import com.eceops.runbook.technology.windows.ServiceScripts;

import java.util.ArrayList;
import java.util.List;

/** Every script the project can render, for one set of values, so that tests can check them all. */
public final class ScriptCatalog {

    private ScriptCatalog() {
    }

    static List<PowerShellScript> all(ScriptValues v) {
        List<PowerShellScript> scripts = new ArrayList<>(List.of(
                HostScripts.readHostFacts(), HostScripts.checkReachable(), HostScripts.installedFeatures(),
                HostScripts.installFeatures(v.features()), HostScripts.restart(),
                FileScripts.ensureShare(v.shareName(), v.paths().get(0), v.account()),
                FileScripts.writeFile(v.paths().get(0) + "\\ece_config.js", v.content()),
                FileScripts.copyFile(v.paths().get(0) + "\\a.bak", FileScripts.administrativeShare(v.otherHost(), "F:\\a.bak")),
                FileScripts.copyFileLocally(v.paths().get(0) + "\\a.js", v.paths().get(0) + "\\a.js.post-10.bak"),
                ServiceScripts.readService(v.service()), ServiceScripts.setStartType(v.service(), "Manual"),
                ServiceScripts.startService(v.service()), ServiceScripts.stopService(v.service()),
                ServiceScripts.countProcessesRunningAs(v.account()),
                DetachedScripts.wrapper(),
                DetachedScripts.startAsCurrentUser(DetachedScripts.RUNS + "patch-2.1-0123456789ab", "runbook-patch-2.1-0123456789ab", 90),
                DetachedScripts.startWithCredential(DetachedScripts.RUNS + "post-4-0123456789ab", "runbook-post-4-0123456789ab", 30, v.account()),
                DetachedScripts.poll(DetachedScripts.RUNS + "post-4-0123456789ab", "runbook-post-4-0123456789ab"),
                DetachedScripts.cleanUp(DetachedScripts.RUNS + "post-4-0123456789ab", "runbook-post-4-0123456789ab"),
                ScriptUpload.removal(v.paths().get(0) + "\\x.ps1"),
                ReportsDbScripts.writeProperties(v.paths().get(0) + "\\reportsdb_utility.properties", v.content(),
                        List.of("SSIS_USER_PASSWORD"), List.of(new com.eceops.runbook.estate.Secret("Pa55word".toCharArray()))),
                ReportsDbScripts.copyDirectory(v.paths().get(0), v.paths().get(1) + "\\ReportsDB Utility (SQL Server Always ON)"),
                ClusterScripts.validate(List.of(v.host(), v.otherHost())),
                ClusterScripts.create(v.shareName(), List.of(v.host(), v.otherHost()), v.features()),
                ClusterScripts.read(), ClusterScripts.setFileShareWitness(v.paths().get(5)),
                ClusterScripts.readEventsSince(v.content()),
                ClusterScripts.readResourceParameter(v.service(), v.rights()),
                ClusterScripts.setResourceParameter(v.service(), v.rights(), v.content()),
                ClusterScripts.stopResource(v.service()), ClusterScripts.startResource(v.service()),
                ClusterScripts.startGroup(v.service()), ClusterScripts.readResource(v.service()),
                EceScripts.readInstallation(v.service(), v.paths().get(4), v.paths().get(0) + "\\ece_config.js"),
                EceScripts.readConfigFile(v.paths().get(4) + "\\agent.xml"),
                EceScripts.writeConfigFile(v.paths().get(4) + "\\agent.xml", v.content()),
                EceScripts.runPatchInstaller("ES5", v.paths().get(0), v.content()),
                com.eceops.runbook.technology.windows.FirewallScripts.readRule(v.service()),
                com.eceops.runbook.technology.windows.FirewallScripts.ensureRule(
                        new com.eceops.runbook.technology.windows.FirewallRule(v.service(), v.content(), 5022)),
                SqlHostScripts.enableAlwaysOn(v.host()), SqlHostScripts.enableAlwaysOn(v.host() + "\\" + v.service()),
                SqlHostScripts.restartSqlService(v.service(), v.otherHost())));
        scripts.addAll(directoryScripts(v));
        for (String path : v.paths()) {
            scripts.add(FileScripts.ensureDirectory(path));
            scripts.add(FileScripts.grantAccess(path, v.account(), v.rights()));
            scripts.add(FileScripts.readAccessRules(path));
            scripts.add(FileScripts.readFile(path));
            scripts.add(FileScripts.readFileBase64(path));
            scripts.add(FileScripts.fileExists(path));
            scripts.add(FileScripts.listFiles(path));
            scripts.add(FileScripts.listFilesUnder(path));
            scripts.add(FileScripts.sha256(path + "\\ES5.zip"));
            scripts.add(FileScripts.expandArchive(path + "\\ES5.zip", path));
            scripts.add(ReportsDbScripts.readPropertiesMasked(path + "\\reportsdb_utility.properties",
                    List.of("SSIS_USER_PASSWORD", "SSIS_CATALOG_PASSWORD")));
            scripts.add(ReportsDbScripts.runCreateDbObjects(path));
            scripts.add(ReportsDbScripts.readLogTail(path));
        }
        return scripts;
    }

    /** pre-2 and pre-4: the Active Directory and DFS scripts. */
    public static List<PowerShellScript> directoryScripts(ScriptValues v) {
        String namespace = v.paths().get(5);
        return List.of(
                ActiveDirectoryScripts.readObject(v.account()),
                ActiveDirectoryScripts.readObject(v.paths().get(0)),
                ActiveDirectoryScripts.ensureServiceUser(v.account(), new com.eceops.runbook.estate.Secret("Pa55word".toCharArray())),
                ActiveDirectoryScripts.ensureOrganizationalUnit(v.paths().get(0), v.shareName(), v.paths().get(1)),
                ActiveDirectoryScripts.prestageClusterNameObject(v.host(), v.paths().get(0)),
                ActiveDirectoryScripts.grant(v.host(), v.account(), v.rights(), ActiveDirectoryScripts.NO_OBJECT_TYPE, "None"),
                ActiveDirectoryScripts.grant(v.paths().get(0), v.host(), v.rights(), ActiveDirectoryScripts.COMPUTER_CLASS, "All"),
                ActiveDirectoryScripts.findServicePrincipalName(v.service()),
                ActiveDirectoryScripts.registerServicePrincipalName(v.account(), v.service()),
                ActiveDirectoryScripts.trustForDelegation(v.host()),
                DfsScripts.readNamespace(namespace),
                DfsScripts.createDomainNamespace(namespace, v.shareName(), v.paths().get(0), v.paths().get(1)),
                DfsScripts.addNamespaceServer(namespace, v.shareName(), v.paths().get(0), v.host(), v.paths().get(1)),
                DfsScripts.createFolderWithTargets(namespace, namespace + "\\ECE", List.of(v.paths().get(1), v.paths().get(2))),
                DfsScripts.createReplicationGroup(v.shareName(), v.service(), List.of(v.host(), v.otherHost()), v.host(), true,
                        v.paths().get(0), List.of(v.paths().get(1), v.paths().get(2))),
                DfsScripts.setStagingQuota(v.shareName(), v.host(), 4096),
                DfsScripts.readReplicationGroup(v.shareName()));
    }
}
