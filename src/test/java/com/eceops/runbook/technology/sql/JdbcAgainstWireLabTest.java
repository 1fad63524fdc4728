package com.eceops.runbook.technology.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eceops.runbook.EarlierSteps;
import com.eceops.runbook.estate.EstateProperties;
import com.eceops.runbook.estate.EstateRepository;
import com.eceops.runbook.lab.LabScenario;
import com.eceops.runbook.lab.RehearsalLab;
import com.eceops.runbook.lab.RehearsalLabs;
import com.eceops.runbook.lab.WireLabSql;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.procedure.availabilitygroup.AvailabilityGroupPlan;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import com.eceops.runbook.technology.sql.tds.FakeTdsServer;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The runbook's T-SQL implementation, over the real driver and TDS, against the wire lab: pre-6.2 to pre-6.4 as the
 * runbook sends them, with the lab as the servers' state. What the lab refuses comes back as a server error.
 */
class JdbcAgainstWireLabTest {

    private static final String USER = "ECEInstaller";
    private static final String PASSWORD = "wire-Passw0rd!";

    private final Map<String, FakeTdsServer> servers = new LinkedHashMap<>();
    private RehearsalLab lab;
    private AvailabilityGroupPlan plan;
    private JdbcSqlServerOperations sql;

    @BeforeEach
    void theServersOfTheSampleAfterPre5() {
        RehearsalLabs labs = new RehearsalLabs(new DriverManagerDataSource("jdbc:h2:mem:wiresql-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", ""), (scenario, anchor) -> Instant::now);
        lab = labs.open("wire-sql", new EstateRepository(new EstateProperties(Path.of("estates"), Path.of("secrets/none.properties")))
                .load("massivedynamic"), LabScenario.defaults().withDurationScale(0));
        new EarlierSteps("wire-sql", null, lab).features().activeDirectory().directories().cluster();
        plan = AvailabilityGroupPlan.of(lab.estate());
        for (String host : List.of(plan.primary(), plan.secondary(), plan.listener().name())) {
            FakeTdsServer server = new FakeTdsServer().login(USER, PASSWORD);
            server.answers = new WireLabSql(host, lab, plan.spec(), plan.listener());
            servers.put(host, server);
        }
        sql = new JdbcSqlServerOperations(lab.estate(), (host, database) -> {
            FakeTdsServer server = servers.get(host);
            try {
                return DriverManager.getConnection("jdbc:sqlserver://" + server.host() + ":" + server.port() + ";databaseName="
                        + database + ";encrypt=false;loginTimeout=5", USER, PASSWORD);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() {
        servers.values().forEach(FakeTdsServer::close);
    }

    @Test
    void theAvailabilityGroupIsBuiltOverTheWireAndEveryStepIsIdempotent() {
        String a = plan.primary();
        String b = plan.secondary();
        for (String host : List.of(a, b)) {
            lab.sql().enableAlwaysOn(host);
            lab.sql().restartSqlService(host);
            assertThat(sql.readFacts(host).hadrEnabled()).as(host).isTrue();
            assertThat(sql.createHadrEndpoint(host, plan.endpointPort()).changed()).isTrue();
            assertThat(sql.createHadrEndpoint(host, plan.endpointPort()).changed()).as("present: nothing sent").isFalse();
            assertThat(sql.grantEndpointConnect(host, plan.sqlServiceAccount()).changed()).isTrue();
            assertThat(sql.grantEndpointConnect(host, plan.sqlServiceAccount()).changed()).isFalse();
            for (var rule : List.of(plan.endpointPort(), plan.listener().port())) {
                lab.windows().ensureFirewallRule(host, new com.eceops.runbook.technology.windows.FirewallRule("EceRunbook-" + rule,
                        "TCP " + rule, rule));
            }
        }
        String db = plan.seedingDatabase();
        assertThat(sql.createDatabase(a, db).changed()).isTrue();
        assertThat(sql.createDatabase(a, db).changed()).isFalse();
        assertThat(sql.setRecoveryModel(a, db, RecoveryModel.FULL).changed()).isTrue();
        assertThat(sql.backupDatabase(a, db, plan.fullBackup(), true).changed()).isTrue();
        assertThat(sql.backupDatabase(a, db, plan.fullBackup(), true).changed()).as("msdb records it at that path").isFalse();
        assertThat(sql.backupLog(a, db, plan.logBackup()).changed()).isTrue();
        assertThat(sql.createAvailabilityGroup(a, plan.spec()).changed()).isTrue();
        assertThat(sql.createAvailabilityGroup(a, plan.spec()).changed()).isFalse();
        assertThat(sql.createListener(a, plan.name(), plan.listener()).changed()).isTrue();
        assertThat(sql.joinAvailabilityGroup(b, plan.name()).changed()).isTrue();
        assertThat(sql.joinAvailabilityGroup(b, plan.name()).changed()).isFalse();

        assertThatThrownBy(() -> sql.restoreDatabase(b, db, plan.fullBackup(), Recovery.NORECOVERY))
                .as("the file is not on side B yet").isInstanceOf(OperationFailedException.class);
        for (String file : List.of(plan.fullBackup(), plan.logBackup())) {
            lab.windows().copyFile(a, file, b, file);
        }
        assertThat(sql.restoreDatabase(b, db, plan.fullBackup(), Recovery.NORECOVERY).changed()).isTrue();
        assertThat(sql.restoreDatabase(b, db, plan.fullBackup(), Recovery.NORECOVERY).changed())
                .as("restorehistory has it").isFalse();
        assertThat(sql.restoreLog(b, db, plan.logBackup(), Recovery.NORECOVERY).changed()).isTrue();
        assertThat(sql.restoreLog(b, db, plan.logBackup(), Recovery.NORECOVERY).changed()).isFalse();
        assertThat(sql.joinDatabaseToAvailabilityGroup(b, plan.name(), db).changed()).isTrue();

        AvailabilityGroupState group = sql.readAvailabilityGroup(plan.listener().name(), plan.name());
        assertThat(group.exists()).isTrue();
        assertThat(group.primary()).isEqualTo(a);
        assertThat(group.listenerName()).isEqualTo(plan.listener().name());
        assertThat(group.healthy()).as(group.toString()).isTrue();
        assertThat(lab.sql().readAvailabilityGroup(a, plan.name())).isEqualTo(sql.readAvailabilityGroup(a, plan.name()));
        assertThat(sql.readDatabases(b)).isEqualTo(lab.sql().readDatabases(b));
    }

    @Test
    void aRefusalThatNamesItsMessageNumberComesBackWithItThroughTheDriver() throws SQLException {
        FakeTdsServer primary = servers.get(plan.primary());
        try (var connection = DriverManager.getConnection("jdbc:sqlserver://" + primary.host() + ":" + primary.port()
                + ";databaseName=msdb;encrypt=false;loginTimeout=5", USER, PASSWORD);
             var statement = connection.createStatement()) {
            // sp_update_job of a job the instance does not have: SQL Server's Msg 14262, which the lab names.
            assertThatThrownBy(() -> statement.execute(AgentJobStatements.setEnabled("no such job", false)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(14262))
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> statement.execute("DROP DATABASE [AGTemp];"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(50000))
                    .hasMessageContaining("does not know this statement");
        }
    }

    @Test
    void aStatementTheLabRefusesIsAServerErrorWithTheLabsWords() {
        lab.sql().enableAlwaysOn(plan.primary());
        assertThatThrownBy(() -> sql.joinAvailabilityGroup(plan.secondary(), plan.name()))
                .isInstanceOf(SqlStatementFailedException.class)
                .hasMessageContaining("no availability group " + plan.name());
    }
}
