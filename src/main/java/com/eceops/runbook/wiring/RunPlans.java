package com.eceops.runbook.wiring;

import com.eceops.runbook.run.RunKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.estate.SingleLine;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.sql.SqlPlan;

/**
 * The plan document of each plan-mode run, {@code <data>/plans/<run>.md}: the PowerShell every step would
 * run, per host and step, as the run records it, then the T-SQL of every SQL step, per server. Change boards
 * read it before a window. It is rewritten after every recorded script, so it is current while the run goes.
 */
@Component
public class RunPlans {

    private final Path folder;
    private final Map<String, MarkdownPlan> plans = new ConcurrentHashMap<>();

    RunPlans(@Value("${runbook.data-dir:./data}") Path dataDir) {
        this.folder = dataDir.resolve("plans");
    }

    public MarkdownPlan recorderOf(RunKey run) {
        return plans.computeIfAbsent(run.toString(), k -> new MarkdownPlan());
    }

    public Path documentOf(RunKey run) {
        return folder.resolve(run + ".md");
    }

    public void write(RunKey run, Estate estate) {
        var sql = SqlPlan.of(estate);
        StringBuilder document = new StringBuilder(recorderOf(run).toMarkdown("Plan of run " + run
                + ": PowerShell by host and step"));
        document.append("\n# T-SQL by server\n\n");
        sql.stream().map(SqlPlan.PlannedStatement::server).distinct().forEach(server -> document
                .append("## ").append(SingleLine.of(server)).append("\n\n```sql\n")
                .append(SqlPlan.script(sql, server).replace("```", "` ` `"))
                .append("```\n\n"));
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(run + ".md.tmp");
            Files.writeString(temporary, SecretMasker.mask(document.toString()));
            Files.move(temporary, documentOf(run), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan of run " + run, e);
        }
    }
}
