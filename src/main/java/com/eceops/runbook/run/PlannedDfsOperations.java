package com.eceops.runbook.run;

import java.util.List;

import com.eceops.runbook.dfs.DfsOperations;
import com.eceops.runbook.dfs.NamespaceState;
import com.eceops.runbook.dfs.ReplicationGroupSpec;
import com.eceops.runbook.dfs.ReplicationGroupState;
import com.eceops.runbook.operations.Change;

/**
 * pre-4 in a plan-mode run: each change is recorded by the PowerShell implementation in plan mode (per namespace
 * server, with the double-hop route it would take), then applied to the lab; reads go to the lab.
 */
final class PlannedDfsOperations implements DfsOperations {

    private final DfsOperations lab;
    private final DfsOperations recording;
    private final Runnable afterRecording;

    PlannedDfsOperations(DfsOperations lab, DfsOperations recording, Runnable afterRecording) {
        this.lab = lab;
        this.recording = recording;
        this.afterRecording = afterRecording;
    }

    @Override
    public Change createDomainNamespace(String host, String root, String localPath) {
        recording.createDomainNamespace(host, root, localPath);
        afterRecording.run();
        return lab.createDomainNamespace(host, root, localPath);
    }

    @Override
    public Change addNamespaceServer(String host, String root, String localPath) {
        recording.addNamespaceServer(host, root, localPath);
        afterRecording.run();
        return lab.addNamespaceServer(host, root, localPath);
    }

    @Override
    public Change createFolderWithTargets(String host, String folderPath, List<String> targets) {
        recording.createFolderWithTargets(host, folderPath, targets);
        afterRecording.run();
        return lab.createFolderWithTargets(host, folderPath, targets);
    }

    @Override
    public Change createReplicationGroup(String host, ReplicationGroupSpec spec) {
        recording.createReplicationGroup(host, spec);
        afterRecording.run();
        return lab.createReplicationGroup(host, spec);
    }

    @Override
    public Change setStagingQuota(String host, String group, String member, int quotaMb) {
        recording.setStagingQuota(host, group, member, quotaMb);
        afterRecording.run();
        return lab.setStagingQuota(host, group, member, quotaMb);
    }

    @Override
    public NamespaceState readNamespace(String host, String root) {
        return lab.readNamespace(host, root);
    }

    @Override
    public ReplicationGroupState readReplicationGroup(String host, String group) {
        return lab.readReplicationGroup(host, group);
    }
}
