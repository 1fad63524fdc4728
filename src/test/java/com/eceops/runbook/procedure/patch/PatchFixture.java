package com.eceops.runbook.procedure.patch;

import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import com.eceops.runbook.technology.sql.AgentJob;
import com.eceops.runbook.technology.sql.BackupPlan;
import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.technology.ece.EceComponent;
import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.technology.ece.SetupRun;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.lab.RehearsalLab;

/**
 * An ECE HA estate as the installation leaves it and SchedulePatch prepares it for a window: ECE on all four
 * servers, post-10 done, the Cisco service running, the databases in the group, the patch unzipped on every
 * server (patch-1.1) and the web servers' files copied (patch-2.2). And a driver that runs only the jobs that
 * are due on Camunda's clock, moving the clock over the short poll timers but never to the window's end.
 */
final class PatchFixture {

    static final String PATCH_FILE = "\\\\CC2K125ECEAA\\E$\\Patches\\ES5.zip";
    static final String FQDN = "ece.massivedynamic.com";

    private PatchFixture() {
    }

    /** The two change managers of the four-eyes rule, and the engine's clock at the window's opening. */
    static IdentityService changeManagersAtTheWindow(ProcessEngine engine, Date opens) {
        IdentityService identity = engine.getIdentityService();
        for (String id : List.of("patchalice", "patchbob")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                identity.saveUser(identity.newUser(id));
                identity.createMembership(id, "change-managers");
            }
        }
        ClockUtil.setCurrentTime(opens);
        return identity;
    }

    /** Undoes {@link #changeManagersAtTheWindow}: nobody authenticated, the real clock. */
    static void leaveTheWindow(IdentityService identity) {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    static EarlierSteps installed(EarlierSteps steps) {
        EarlierSteps lab = steps.features().activeDirectory().directories().dfs().cluster().availabilityGroup().eceDatabasesJoined();
        RehearsalLab l = lab.lab();
        var services = EnumSet.of(EceComponent.MESSAGING_SERVER, EceComponent.APPLICATION_SERVER, EceComponent.SERVICES_SERVER);
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            l.ece().recordSetupRun(host, new SetupRun(services, Map.of(SetupRun.DFS_PATH, "\\\\massivedynamic.com\\ECE_Root\\ECE",
                    SetupRun.ECE_HOME, "E:\\ECE")));
        }
        for (Server web : l.estate().webServers()) {
            l.ece().recordSetupRun(web.name(), new SetupRun(EnumSet.of(EceComponent.WEB_SERVER), Map.of(SetupRun.ECE_HOME, web.eceHome())));
            l.ece().writeConfigFile(web.name(), EceConfigFile.ECE_CONFIG_JS,
                    "var web_server_protocol = \"https\";\nvar web_server_name = \"" + FQDN + "\";\n");
            l.ece().writeConfigFile(web.name(), EceConfigFile.AGENT_XML,
                    "<gadget>https://" + FQDN + "/ece/finesse/gadget/agent/agent.xml</gadget>\n");
            // final-6 on a PCCE estate: spog_config.js names ECE where the web server has one (patch-4.1 checks it).
            if (l.windows().fileExists(web.name(), web.eceHome() + "\\" + EceConfigFile.SPOG_CONFIG_JS.relativePath())) {
                l.ece().writeConfigFile(web.name(), EceConfigFile.SPOG_CONFIG_JS, "var web_server_name = \"" + FQDN + "\";\n");
            }
            for (EceConfigFile file : EceConfigFile.values()) {
                String copy = web.eceHome() + "\\PatchBackups\\ES5\\" + file.relativePath();
                l.windows().ensureDirectory(web.name(), copy.substring(0, copy.lastIndexOf('\\')));
                l.windows().copyFile(web.name(), web.eceHome() + "\\" + file.relativePath(), web.name(), copy);
            }
        }
        for (Server server : l.estate().allServers()) {
            l.windows().ensureDirectory(server.name(), PatchStaging.on(server, PATCH_FILE).folder());
        }
        // post-9: the backup jobs on both replicas, the log backup every minute (the rollback must stop it).
        for (String host : List.of(lab.sideA(), lab.sideB())) {
            for (AgentJob job : BackupPlan.jobs(l.estate().databases().eceDatabases(), l.estate().paths().sqlBackups())) {
                l.sql().ensureAgentJob(host, job);
            }
        }
        l.windows().startService(lab.sideA(), "Cisco");
        l.windows().startService(lab.sideB(), "Cisco");
        return lab;
    }

    /** What SchedulePatch hands to PatchEce for a window from {@code opens} to {@code closes}. */
    static Map<String, Object> window(Date closes, String installCommand) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("patchFile", PATCH_FILE);
        vars.put("patchLevel", "ES5");
        vars.put("patchReadme", "Stop ECE, run setup.bat on each server in order, merge the key files.");
        vars.put("patchInstallCommand", installCommand);
        vars.put("windowClosesAt", closes);
        vars.put("window", "2026-11-28T22:00 to 2026-11-29T02:00 Europe/Berlin");
        vars.put("windowZoneId", "Europe/Berlin");
        vars.put("requester", "patchalice");
        // Approved by a second change manager before the window, as Schedule a patch does.
        vars.putAll(ApprovedRequest.sealOf(vars::get, "patchbob", new Date(0)));
        return vars;
    }

    /** Runs the due jobs of every instance of the run; short timers (polls, retries) are reached by moving the clock. */
    static void settle(ProcessEngine engine, String runKey) {
        for (int round = 0; round < 3000; round++) {
            List<Job> jobs = jobs(engine, runKey);
            Date now = ClockUtil.getCurrentTime();
            Optional<Job> due = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).findFirst();
            if (due.isPresent()) {
                try {
                    engine.getManagementService().executeJob(due.get().getId());
                } catch (RuntimeException expectedForFailingSteps) {
                    // the engine has recorded the failure
                }
                continue;
            }
            Optional<Date> soon = jobs.stream().map(Job::getDuedate).filter(Objects::nonNull)
                    .filter(d -> d.getTime() - now.getTime() <= 60_000).min(Date::compareTo);
            if (soon.isEmpty()) {
                return;
            }
            ClockUtil.setCurrentTime(soon.get());
        }
        throw new IllegalStateException("run " + runKey + " still has due jobs after 3000 rounds");
    }

    /** Settles until a job of the run waits at {@code activityId}, leaving it unexecuted. */
    static void settleUntilJobAt(ProcessEngine engine, String runKey, String activityId) {
        for (int round = 0; round < 3000; round++) {
            List<Job> jobs = jobs(engine, runKey);
            if (jobs.stream().anyMatch(j -> activityId.equals(activityOf(engine, j)))) {
                return;
            }
            Date now = ClockUtil.getCurrentTime();
            Optional<Job> due = jobs.stream().filter(j -> j.getDuedate() == null || !j.getDuedate().after(now)).findFirst();
            if (due.isPresent()) {
                try {
                    engine.getManagementService().executeJob(due.get().getId());
                } catch (RuntimeException expectedForFailingSteps) {
                    // as in settle
                }
                continue;
            }
            Optional<Date> soon = jobs.stream().map(Job::getDuedate).filter(Objects::nonNull)
                    .filter(d -> d.getTime() - now.getTime() <= 60_000).min(Date::compareTo);
            if (soon.isEmpty()) {
                throw new AssertionError("run " + runKey + " became idle without a job at " + activityId);
            }
            ClockUtil.setCurrentTime(soon.get());
        }
        throw new IllegalStateException("no job at " + activityId);
    }

    static String activityOf(ProcessEngine engine, Job job) {
        var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        return definition == null ? null : definition.getActivityId();
    }

    static List<Job> jobs(ProcessEngine engine, String runKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(runKey).list().stream()
                .flatMap(i -> engine.getManagementService().createJobQuery().processInstanceId(i.getId()).withRetriesLeft().list().stream())
                .toList();
    }
}
