package com.eceops.runbook.technology.sql.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeTdsServerTest {

    private final FakeTdsServer server = new FakeTdsServer().login("runbook", "lab-Passw0rd!");

    @AfterEach
    void close() {
        server.close();
    }

    private Connection connect(String password) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlserver://" + server.host() + ":" + server.port()
                + ";encrypt=false;loginTimeout=5", "runbook", password);
    }

    @Test
    void theRealDriverLogsInAndReadsAResultSet() throws SQLException {
        server.when("SERVERPROPERTY", FakeTdsServer.Reply.ok()
                .rows(List.of("Edition", "IsHadrEnabled"), List.of(List.of("Enterprise Edition (64-bit)", 1))));
        try (Connection connection = connect("lab-Passw0rd!"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SERVERPROPERTY('Edition')")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Enterprise Edition (64-bit)");
            assertThat(rows.getInt(2)).isEqualTo(1);
        }
        assertThat(server.statements()).contains("SELECT SERVERPROPERTY('Edition')");
    }

    @Test
    void aPreparedStatementArrivesAsAnRpcWithItsParameters() throws SQLException {
        server.when("sys\\.databases", FakeTdsServer.Reply.ok().rows(List.of("name"), List.of(List.of("AGTemp"))));
        try (Connection connection = connect("lab-Passw0rd!");
             PreparedStatement statement = connection.prepareStatement("SELECT name FROM sys.databases WHERE name = ?")) {
            statement.setString(1, "AGTemp");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("name")).isEqualTo("AGTemp");
            }
        }
        assertThat(server.received().get(0).parameters()).containsExactly("AGTemp");
    }

    @Test
    void aWindowsLoginByNtlmIsTakenWithTheAccountsPasswordOnly() throws SQLException {
        server.windowsLogin("MASSIVE", "ECEInstaller", "lab-Passw0rd!");
        server.when("SELECT 1", FakeTdsServer.Reply.ok().rows(List.of("answering"), List.of(List.of(1))));
        String url = "jdbc:sqlserver://" + server.host() + ":" + server.port()
                + ";encrypt=false;loginTimeout=5;integratedSecurity=true;authenticationScheme=NTLM;domain=MASSIVE";
        try (Connection connection = DriverManager.getConnection(url, "ECEInstaller", "lab-Passw0rd!");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
        }
        assertThat(server.received().get(0).user()).isEqualTo("MASSIVE\\ECEInstaller");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "ECEInstaller", "wrong"))
                .isInstanceOfSatisfying(SQLServerException.class, e -> assertThat(e.getErrorCode()).isEqualTo(18456))
                .hasMessageContaining("Login failed for user 'MASSIVE\\ECEInstaller'");
        assertThatThrownBy(() -> connect("lab-Passw0rd!")).as("a Windows-only instance refuses SQL logins")
                .isInstanceOf(SQLServerException.class);
    }

    @Test
    void aWrongPasswordIsLoginFailed18456() {
        assertThatThrownBy(() -> connect("wrong"))
                .isInstanceOfSatisfying(SQLServerException.class, e -> assertThat(e.getErrorCode()).isEqualTo(18456))
                .hasMessageContaining("Login failed for user 'runbook'");
    }
}
