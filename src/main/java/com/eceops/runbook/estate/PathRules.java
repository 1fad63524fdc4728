package com.eceops.runbook.estate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Directories, drives and the DFS namespace of the document's "File and Directory Objects" and "Drive
 * Letters" tables. Paths are checked as written, since PowerShell and the ECE installer will be given them
 * verbatim.
 */
final class PathRules implements EstateRule {

    @Override
    public void check(Estate estate, Findings findings) {
        List<Drive> collocatedDrives = drives(estate, true);
        List<Drive> webDrives = drives(estate, false);
        drives("drives.collocated", collocatedDrives, findings);
        drives("drives.web", webDrives, findings);
        Paths paths = estate.paths();
        if (paths != null) {
            onDrive("paths.sharedDirectory", paths.sharedDirectory(), collocatedDrives, "collocated", findings);
            onDrive("paths.eceHome", paths.eceHome(), collocatedDrives, "collocated", findings);
            onDrive("paths.webEceHome", paths.webEceHome(), webDrives, "web", findings);
            onDrive("paths.ssisDirectory", paths.ssisDirectory(), collocatedDrives, "collocated", findings);
            onDrive("paths.sqlData", paths.sqlData(), collocatedDrives, "collocated", findings);
            onDrive("paths.sqlBackups", paths.sqlBackups(), collocatedDrives, "collocated", findings);
            // ECE would write its run-time files into the DFS-replicated share, or replicate its own home.
            if (paths.sharedDirectory() != null && paths.eceHome() != null
                    && WindowsPaths.sameOrNested(paths.sharedDirectory(), paths.eceHome())) {
                findings.add("paths.sharedDirectory", "the shared directory " + paths.sharedDirectory()
                        + " must be neither the ECE home " + paths.eceHome() + " nor inside it, nor contain it");
            }
        }
        Dfs dfs = estate.dfs();
        if (dfs != null) {
            onDrive("dfs.localPath", dfs.localPath(), collocatedDrives, "collocated", findings);
            if (dfs.path() != null) {
                dfsPath(dfs, estate.domain(), findings);
            }
            if (dfs.stagingQuotaMb() < 1 && findings.written("dfs.stagingQuotaMb")) {
                findings.add("dfs.stagingQuotaMb", "the staging quota must be at least 1 MB");
            }
        }
        String media = estate.ece() == null ? null : estate.ece().mediaPath();
        if (media != null && !WindowsPaths.isDrivePath(media) && !WindowsPaths.isUncPath(media)) {
            findings.add("ece.mediaPath", "'" + media + "' is neither a local path (X:\\dir) nor a UNC path (\\\\server\\share\\dir)");
        }
    }

    /**
     * The drives of a role; every server of a role shares the estate's list, so the first one tells. Empty
     * when unknown (the list could not be read), which turns the drive checks off.
     */
    private static List<Drive> drives(Estate estate, boolean collocated) {
        return PlacedServer.of(estate).stream().map(PlacedServer::server)
                .filter(server -> server.collocated() == collocated && server.drives() != null)
                .map(Server::drives).findFirst().orElse(List.of());
    }

    private static void drives(String path, List<Drive> drives, Findings findings) {
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < drives.size(); i++) {
            Drive drive = drives.get(i);
            if (!letters.add(drive.letter())) {
                findings.add(path + "[" + i + "].letter", "drive " + drive.letter() + " is listed twice");
            }
            if (drive.sizeGb() < 1) {
                findings.add(path + "[" + i + "].sizeGb", "a drive has at least 1 GB, not " + drive.sizeGb());
            }
        }
    }

    private static void onDrive(String path, String value, List<Drive> drives, String role, Findings findings) {
        if (value == null) {
            return;
        }
        if (!WindowsPaths.isDrivePath(value)) {
            findings.add(path, "'" + value + "' is not a local Windows path such as E:\\ECE"
                    + " (a drive letter, backslashes, none of <>:\"|?* and no trailing backslash)");
            return;
        }
        char letter = WindowsPaths.driveLetter(value);
        if (!drives.isEmpty() && drives.stream().noneMatch(drive -> drive.letter() == letter)) {
            findings.add(path, "'" + value + "' is on drive " + letter + ", which drives." + role + " does not list");
        }
    }

    /** Domain-based: {@code \\<domain fqdn>\root\folder}. A server name there would make it a standalone namespace. */
    private static void dfsPath(Dfs dfs, Domain domain, Findings findings) {
        List<String> parts = WindowsPaths.uncComponents(dfs.path());
        if (!WindowsPaths.isUncPath(dfs.path()) || parts.size() != 3) {
            findings.add("dfs.path", "'" + dfs.path() + "' is not a DFS path of the form \\\\domain\\root\\folder");
            return;
        }
        if (domain != null && domain.fqdn() != null && !parts.get(0).equalsIgnoreCase(domain.fqdn())) {
            findings.add("dfs.path", "'" + dfs.path() + "' must start with the domain " + domain.fqdn()
                    + ": a domain-based namespace, not the standalone namespace of server " + parts.get(0));
        }
    }
}
