package com.eceops.runbook.procedure.patch;

import com.eceops.runbook.estate.Server;

/** Where patch-1.1 puts the patch on a server: {@code <drive of ECE home>:\ECEPatches\<file>} and its unzipped folder. */
record PatchStaging(String archive, String folder) {

    static PatchStaging on(Server server, String patchFile) {
        String name = patchFile.substring(patchFile.lastIndexOf('\\') + 1);
        String directory = Character.toUpperCase(server.eceHome().charAt(0)) + ":\\ECEPatches";
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return new PatchStaging(directory + "\\" + name, directory + "\\" + stem);
    }

    String directory() {
        return archive.substring(0, archive.lastIndexOf('\\'));
    }
}
