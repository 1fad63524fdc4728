package com.eceops.runbook.lab;

import com.eceops.runbook.operations.Change;
import com.eceops.runbook.technology.windows.AccessRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Directories and files of the simulated servers, reached locally or through UNC paths. */
final class LabFileSystem {

    private final LabContext lab;

    LabFileSystem(LabContext lab) {
        this.lab = lab;
    }

    boolean directoryExists(HostState h, String path) {
        String key = LabPaths.key(path);
        return h.directories.containsKey(key) || (key.length() <= 3 && h.drivesGb.containsKey(
                String.valueOf(LabPaths.drive(path))));
    }

    Change ensureDirectory(String host, String path) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, path);
        HostState h = lab.reachableHost(where.host());
        String local = where.localPath();
        if (!h.drivesGb.containsKey(String.valueOf(LabPaths.drive(local)))) {
            throw lab.refuse(h.name, "cannot create " + local + ": drive " + LabPaths.drive(local) + ": does not exist");
        }
        if (directoryExists(h, local)) {
            return LabContext.unchanged("directory " + local, "present");
        }
        createWithParents(h, local);
        return lab.record(h.name, "directory " + local, "absent", "present");
    }

    private void createWithParents(HostState h, String local) {
        String key = LabPaths.key(local);
        if (key.length() <= 3 || h.directories.containsKey(key)) {
            return;
        }
        createWithParents(h, local.substring(0, Math.max(local.replace('/', '\\').lastIndexOf('\\'), 2)));
        h.directories.put(key, local);
        List<AccessRule> rules = new ArrayList<>();
        rules.add(new AccessRule("BUILTIN\\Administrators", "FullControl", false, true));
        rules.add(new AccessRule("BUILTIN\\Users", "ReadAndExecute", false, true));
        h.accessRules.put(key, rules);
    }

    Optional<HostState.FileEntry> read(String host, String path) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, path);
        HostState h = lab.reachableHost(where.host());
        return Optional.ofNullable(h.files.get(LabPaths.key(where.localPath())));
    }

    Change write(String host, String path, String content, Instant modifiedAt) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(host).name, path);
        HostState h = lab.reachableHost(where.host());
        return writeLocal(h, where.localPath(), content, modifiedAt);
    }

    Change writeLocal(HostState h, String local, String content, Instant modifiedAt) {
        return writeLocal(h, local, content, null, modifiedAt);
    }

    /** A copy: the source's content and, for a file standing for outside bytes, its given SHA-256. */
    Change copy(HostState.FileEntry source, String targetHost, String targetPath, Instant modifiedAt) {
        LabPaths.Location where = LabPaths.resolve(lab, lab.reachableHost(targetHost).name, targetPath);
        return writeLocal(lab.reachableHost(where.host()), where.localPath(), source.content, source.sha256, modifiedAt);
    }

    Change writeLocal(HostState h, String local, String content, String sha256, Instant modifiedAt) {
        if (!directoryExists(h, LabPaths.parent(local))) {
            throw lab.refuse(h.name, "could not find a part of the path " + local);
        }
        HostState.FileEntry file = h.files.get(LabPaths.key(local));
        if (file != null && file.content.equals(content) && java.util.Objects.equals(file.sha256, sha256)) {
            return LabContext.unchanged("file " + local, describe(content));
        }
        String before = file == null ? "absent" : describe(file.content);
        HostState.FileEntry entry = new HostState.FileEntry();
        entry.path = local;
        entry.content = content;
        entry.modifiedAt = modifiedAt;
        entry.sha256 = sha256;
        h.files.put(LabPaths.key(local), entry);
        return lab.record(h.name, "file " + local, before, describe(content));
    }

    private static String describe(String content) {
        return content.length() <= 40 ? "'" + content.replace('\n', ' ') + "'" : content.length() + " characters";
    }
}
