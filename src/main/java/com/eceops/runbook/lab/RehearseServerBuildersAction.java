package com.eceops.runbook.lab;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Drive;
import com.eceops.runbook.estate.Server;

import com.eceops.runbook.technology.windows.HostFacts;

/**
 * In a rehearsal, what the operators do when they complete "Fix the server build": reinstall Windows Server
 * 2016 where another OS runs, format the missing or too small data drives at the inventory's size. The
 * process then checks again. On a live run it does nothing; a plan run walks a lab of its own, so it acts there too.
 */
@Component("rehearseServerBuildersAction")
class RehearseServerBuildersAction extends PersonsWorkListener {

    RehearseServerBuildersAction(RunLabs runs) {
        super(runs, RehearseServerBuildersAction::perform);
    }

    /** The person's work on {@code lab}, with the task's variables ({@link PersonsWork}). */
    static void perform(RehearsalLab lab, String taskKey, VariableScope task) {
        for (Server server : lab.estate().allServers()) {
            HostFacts facts = lab.windows().readHostFacts(server.name());
            if (!facts.isWindowsServer2016()) {
                lab.handwork().installWindowsServer2016(server.name());
            }
            if (!server.collocated()) {
                continue;
            }
            for (Drive drive : server.drives()) {
                boolean fits = facts.drives().stream().anyMatch(d -> Character.toUpperCase(d.letter())
                        == Character.toUpperCase(drive.letter()) && d.sizeGb() >= drive.sizeGb());
                if (!fits) {
                    lab.handwork().formatDrive(server.name(), drive.letter(), drive.sizeGb());
                }
            }
        }
    }
}
