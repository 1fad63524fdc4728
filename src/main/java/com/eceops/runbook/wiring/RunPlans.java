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

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.technology.powershell.MarkdownPlan;

/**
 * The plan document of each plan-mode run, {@code <data>/plans/<run>.md}: the PowerShell every step would
 * run, per host and step, then the T-SQL, per server and step, both as the run's changes recorded them.
 * Change boards read it before a window. It is rewritten after every recorded change, so it is current while
 * the run goes.
 */
@Component
public class RunPlans {

    private record Plan(MarkdownPlan scripts, MarkdownPlan statements) {
    }

    private final Path folder;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    RunPlans(@Value("${runbook.data-dir:./data}") Path dataDir) {
        this.folder = dataDir.resolve("plans");
    }

    /** Where the run's PowerShell is recorded. */
    public MarkdownPlan scriptsOf(RunKey run) {
        return planOf(run).scripts();
    }

    /** Where the run's T-SQL is recorded. */
    public MarkdownPlan statementsOf(RunKey run) {
        return planOf(run).statements();
    }

    private Plan planOf(RunKey run) {
        return plans.computeIfAbsent(run.toString(), k -> new Plan(new MarkdownPlan(), new MarkdownPlan("sql")));
    }

    public Path documentOf(RunKey run) {
        return folder.resolve(run + ".md");
    }

    public void write(RunKey run) {
        Plan plan = planOf(run);
        String document = plan.scripts().toMarkdown("Plan of run " + run + ": PowerShell by host and step") + "\n"
                + plan.statements().toMarkdown("T-SQL by server and step");
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(run + ".md.tmp");
            Files.writeString(temporary, SecretMasker.mask(document));
            Files.move(temporary, documentOf(run), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plan of run " + run, e);
        }
    }
}
