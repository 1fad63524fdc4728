package com.eceops.runbook.plan;

import com.eceops.runbook.run.RunKey;

import static org.assertj.core.api.Assertions.assertThat;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.estate.Side;
import com.eceops.runbook.technology.sql.JdbcSqlServerOperations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan document's T-SQL headings are one line each, whatever a server's name holds, and a value cannot
 * close a server's code block.
 */
class RunPlansHeadingsTest {

    @TempDir
    Path data;

    @Test
    void aServerNameCannotForgeAHeadingOrEndTheSqlBlock() throws IOException {
        Estate sample = new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("target/no-secrets.properties")))
                .load("massivedynamic");
        Server c = sample.sideA().collocated();
        Server hostile = new Server(c.name() + "\n# Forged\n```", c.ip(), c.role(), c.side(), c.drives(), c.eceHome(),
                c.applicationServer(), c.sqlInstance(), c.sqlPort(), c.connection());
        Side a = sample.sideA();
        Estate estate = new Estate(sample.name(), sample.description(), sample.live(), sample.domain(),
                new Side(a.id(), a.subnet(), hostile, a.web()), sample.sideB(), sample.cluster(), sample.availabilityGroup(),
                sample.databases(), sample.paths(), sample.dfs(), sample.accounts(), sample.ece(), sample.loadBalancer(),
                sample.patchWindows(), sample.sqlConnection(), sample.patchStepEstimates());
        RunPlans plans = new RunPlans(data.resolve("plans"), new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:plans-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""), run -> java.util.Optional.of(estate),
                java.time.Clock.systemUTC());
        RunKey run = RunKey.parse("massivedynamic.plan.20250101-220000");
        // The statements arrive as a plan run records them: from the recording T-SQL implementation.
        JdbcSqlServerOperations recording = JdbcSqlServerOperations.recording(estate, plans.statementsOf(run), () -> "pre-6.2");
        recording.createDatabase(hostile.name(), "AGTemp");
        recording.createDatabase(sample.sideB().collocated().name(), "AGTemp");
        plans.write(run);
        String document = Files.readString(plans.documentOf(run));
        // Markdown outside the code blocks: the headings, exactly, and each server's one block of T-SQL.
        List<String> outside = new ArrayList<>();
        boolean inBlock = false;
        for (String line : document.lines().toList()) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                outside.add(line);
            } else if (!inBlock) {
                outside.add(line);
            }
        }
        assertThat(outside.stream().filter(line -> line.startsWith("#") || line.startsWith("```"))).containsExactly(
                "# Plan of run massivedynamic.plan.20250101-220000",
                "## Changes per host",
                "## How every PowerShell script begins",
                "```powershell", "```",
                "## Steps",
                "### pre-6.2",
                "#### CC2K125ECEAA\\u000A# Forged\\u000A``` (T-SQL): CREATE DATABASE [AGTemp] (in master)",
                "```sql", "```",
                "#### CC2K125ECEAB (T-SQL): CREATE DATABASE [AGTemp] (in master)",
                "```sql", "```");
    }
}
