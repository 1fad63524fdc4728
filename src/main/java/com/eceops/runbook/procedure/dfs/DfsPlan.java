package com.eceops.runbook.procedure.dfs;

import java.util.List;

import com.eceops.runbook.estate.Estate;

/** What the inventory says about DFS: the namespace root and folder, both servers (side A first), the shared directory. */
public record DfsPlan(String root, String folderPath, String localPath, String sideA, String sideB, String sharedDirectory,
               String shareName, int stagingQuotaMb) {

    public static DfsPlan of(Estate estate) {
        var dfs = estate.dfs();
        String shared = estate.paths().sharedDirectory();
        return new DfsPlan(dfs.root(), dfs.path(), dfs.localPath(), estate.sideA().collocated().name(),
                estate.sideB().collocated().name(), shared, shared.substring(shared.lastIndexOf('\\') + 1), dfs.stagingQuotaMb());
    }

    public List<String> members() {
        return List.of(sideA, sideB);
    }

    List<String> targets() {
        return members().stream().map(m -> "\\\\" + m + "\\" + shareName).toList();
    }

    /** The replication group and its replicated folder carry the namespace folder's name, as the wizard names them. */
    String group() {
        return folderPath.substring(folderPath.lastIndexOf('\\') + 1);
    }
}
