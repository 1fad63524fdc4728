package com.eceops.runbook.technology.powershell;

import java.nio.file.Path;
import java.util.List;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;

/** The values the renderers receive in a run, taken from an estate or made hostile on purpose. */
public record ScriptValues(String host, String otherHost, List<String> paths, String shareName, String account,
                    String rights, String service, String content, List<String> features) {

    public static Estate sampleEstate() {
        return new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties")))
                .load("massivedynamic");
    }

    public static ScriptValues of(Estate estate) {
        return new ScriptValues(estate.sideA().collocated().name(), estate.sideB().collocated().name(),
                List.of(estate.paths().sharedDirectory(), estate.paths().ssisDirectory(), estate.paths().sqlBackups(),
                        estate.paths().sqlData(), estate.paths().eceHome(), estate.dfs().path()),
                "ECEFile", estate.domain().netbios() + "\\" + estate.accounts().eceService().name(), "FullControl",
                estate.ece().serviceName(), "web_server_name: \"" + estate.ece().fqdn() + "\"\n",
                List.of("FS-DFS-Namespace", "FS-DFS-Replication", "Failover-Clustering"));
    }

    /** Every way out of a literal we know of: quotes of all kinds, expansions, separators, comments, newlines. */
    static final List<String> HOSTILE = List.of(
            "O'Brien", "a\u2018b\u2019c\u201Ad\u201Be", "$(Remove-Item C:\\ -Recurse)", "x; Stop-Computer",
            "`$env:PATH` \"quoted\" `n", "line one\r\nline two\n'; Restart-Computer #", "Müller Ærø 日本 🚀",
            "@' here '@", "''", "'", "\u2019", "# not a comment", "<# block #>", "${env:USERNAME}", "a|b&c>d<e",
            "E:\\ECE [test]*?", "end with quote'");

    static ScriptValues hostile(int i) {
        String h = HOSTILE.get(i % HOSTILE.size());
        return new ScriptValues("CC2K" + h, "B" + h, List.of("E:\\" + h, "E:\\" + h + "\\ssis", "F:\\" + h,
                "F:\\MSSQL\\" + h, h, "\\\\srv\\" + h + "\\x"), "share" + h,
                "MASSIVE\\" + h, "Modify" + h, "svc" + h, h + "\n" + h, List.of(h, "FS-" + h, "Failover-" + h));
    }
}
