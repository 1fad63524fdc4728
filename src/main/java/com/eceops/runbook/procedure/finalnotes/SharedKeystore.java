package com.eceops.runbook.procedure.finalnotes;

import com.eceops.runbook.estate.Estate;

/**
 * Where final-3 and final-4 import certificates: the keystore of the JDK in the Shared Directory, \env\jdk. The
 * Shared Directory is a DFS-replicated folder on both collocated servers; the check looks on side A's, where the
 * document's operator works.
 */
public final class SharedKeystore {

    private SharedKeystore() {
    }

    static String directory(Estate estate) {
        return estate.paths().sharedDirectory() + "\\env\\jdk";
    }

    /** The JDK's trust store file below it (keytool's -cacerts). */
    public static String file(Estate estate) {
        return directory(estate) + "\\lib\\security\\cacerts";
    }

    public static String host(Estate estate) {
        return estate.sideA().collocated().name();
    }
}
