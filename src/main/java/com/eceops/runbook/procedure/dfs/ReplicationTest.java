package com.eceops.runbook.procedure.dfs;

import com.eceops.runbook.technology.windows.WindowsOperations;

/**
 * The three rounds of the document's replication test (pre-4.5), each a change and the sign that it replicated.
 * Each change is made only when it is not there yet, so a re-run changes nothing. The document moves the file
 * into the new folder; the operations cannot delete, so the file is written into the folder instead.
 */
enum ReplicationTest {

    FILE_FROM_SIDE_A("A file made on side A appears on side B") {
        @Override
        void change(WindowsOperations windows, DfsPlan plan) {
            if (windows.readFile(plan.sideA(), file(plan)).isEmpty()) {
                windows.writeFile(plan.sideA(), file(plan), SIDE_A);
            }
        }

        @Override
        boolean replicated(WindowsOperations windows, DfsPlan plan) {
            return windows.readFile(plan.sideB(), file(plan)).map(c -> c.startsWith(SIDE_A)).orElse(false);
        }
    },
    EDIT_FROM_SIDE_B("An edit made on side B shows on side A") {
        @Override
        void change(WindowsOperations windows, DfsPlan plan) {
            String content = windows.readFile(plan.sideB(), file(plan)).orElse(SIDE_A);
            if (!content.contains(SIDE_B)) {
                windows.writeFile(plan.sideB(), file(plan), content + "\r\n" + SIDE_B);
            }
        }

        @Override
        boolean replicated(WindowsOperations windows, DfsPlan plan) {
            return windows.readFile(plan.sideA(), file(plan)).map(c -> c.contains(SIDE_A) && c.contains(SIDE_B)).orElse(false);
        }
    },
    FOLDER_THROUGH_NAMESPACE("A folder made through the namespace appears on both servers") {
        @Override
        void change(WindowsOperations windows, DfsPlan plan) {
            String folder = plan.folderPath() + "\\" + FOLDER;
            windows.ensureDirectory(plan.sideA(), folder);
            if (windows.readFile(plan.sideA(), folder + "\\" + FILE).isEmpty()) {
                windows.writeFile(plan.sideA(), folder + "\\" + FILE, SIDE_A + "\r\n" + SIDE_B);
            }
        }

        @Override
        boolean replicated(WindowsOperations windows, DfsPlan plan) {
            String local = plan.sharedDirectory() + "\\" + FOLDER + "\\" + FILE;
            return windows.fileExists(plan.sideA(), local) && windows.fileExists(plan.sideB(), local);
        }
    };

    static final String FILE = "ReplTest.txt";
    static final String FOLDER = "DFSTest";
    static final String SIDE_A = "Side A Creation";
    static final String SIDE_B = "Side B Update";

    private final String description;

    ReplicationTest(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    abstract void change(WindowsOperations windows, DfsPlan plan);

    abstract boolean replicated(WindowsOperations windows, DfsPlan plan);

    static ReplicationTest round(Object loopCounter) {
        return values()[loopCounter instanceof Number n ? n.intValue() : 0];
    }

    private static String file(DfsPlan plan) {
        return plan.sharedDirectory() + "\\" + FILE;
    }
}
