package com.eceops.runbook.lab;

import com.eceops.runbook.estate.Accounts;
import com.eceops.runbook.estate.AvailabilityGroup;
import com.eceops.runbook.estate.Cluster;
import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Dfs;
import com.eceops.runbook.estate.Domain;
import com.eceops.runbook.estate.Drive;
import com.eceops.runbook.estate.Ece;
import com.eceops.runbook.estate.EceDatabases;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.LoadBalancer;
import com.eceops.runbook.estate.PatchWindow;
import com.eceops.runbook.estate.Paths;
import com.eceops.runbook.estate.Server;
import com.eceops.runbook.estate.ServerRole;
import com.eceops.runbook.estate.Side;
import com.eceops.runbook.estate.Subnet;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The tech note's lab, massivedynamic.com, as estates/massivedynamic.yaml describes it. */
final class LabFixtures {

    static final String A = "CC2K125ECEAA";
    static final String B = "CC2K125ECEAB";
    static final String WEB_A = "CC2K125ECEWA";
    static final String WEB_B = "CC2K125ECEWB";
    static final String CNO = "CC2K125ECEFOC";
    static final String AG = "CC2K125ECEDB";
    static final String OU = "OU=ECE Cluster,DC=massivedynamic,DC=com";
    static final Instant START = Instant.parse("2026-11-07T21:00:00Z");

    private LabFixtures() {
    }

    static Estate massiveDynamic() {
        Connection connection = new Connection(Connection.Protocol.WINRM_HTTPS, 5986, "ECEInstaller@MASSIVEDYNAMIC.COM",
                new CredentialRef("cluster-admin"), Optional.empty());
        List<Drive> collocatedDrives = List.of(new Drive('C', 80, "Windows OS, SQL executables"),
                new Drive('E', 50, "ECE application and SSIS folder"), new Drive('F', 300, "SQL database files and SQL backups"));
        List<Drive> webDrives = List.of(new Drive('C', 80, "Windows OS and ECE home"));
        Side a = new Side("a", Subnet.parse("14.10.162.0/24"),
                new Server(A, "14.10.162.168", ServerRole.COLLOCATED, "a", collocatedDrives, "E:\\ECE", null, "MSSQLSERVER", null, connection),
                new Server(WEB_A, "14.10.162.169", ServerRole.WEB, "a", webDrives, "C:\\ECE", A, null, null, connection));
        Side b = new Side("b", Subnet.parse("14.10.172.0/24"),
                new Server(B, "14.10.172.168", ServerRole.COLLOCATED, "b", collocatedDrives, "E:\\ECE", null, "MSSQLSERVER", null, connection),
                new Server(WEB_B, "14.10.172.169", ServerRole.WEB, "b", webDrives, "C:\\ECE", B, null, null, connection));
        return new Estate("massivedynamic", "Cisco ECE 12.5 HA lab from the tech note's example layout", false,
                new Domain("massivedynamic.com", "MASSIVE", OU, Optional.empty(), Optional.empty()),
                a, b,
                new Cluster(CNO, Map.of("a", "14.10.162.170", "b", "14.10.172.170")),
                new AvailabilityGroup(AG, AG, Map.of("a", "14.10.162.161", "b", "14.10.172.171"), 1433, 5022),
                new EceDatabases("eGActiveDB", "eGMasterDB", "eGReportsDB", "AGTemp"),
                new Paths("E:\\ECEFile", "E:\\ECE", "C:\\ECE", "E:\\ssis_data", "F:\\MSSQL\\Data", "F:\\MSSQL\\Backups"),
                new Dfs("\\\\massivedynamic.com\\ECE_Root\\ECE", "ECE_Root", "ECE", "C:\\DFSRoots", 4096),
                new Accounts(new Accounts.Account("SqlServerSvc", new CredentialRef("sql-service")),
                        new Accounts.Account("ECESvc", new CredentialRef("ece-service")),
                        new Accounts.Account("ECEInstaller", new CredentialRef("cluster-admin"))),
                new Ece("12.5", "ece.massivedynamic.com", "ece", "default", 9001, "Cisco",
                        "\\\\massivedynamic.com\\ECE_Root\\Media\\ECE_12.5", true, true),
                new LoadBalancer("14.10.162.96"),
                List.of(new PatchWindow(DayOfWeek.SATURDAY, LocalTime.of(22, 0), Duration.ofHours(4), ZoneId.of("Europe/Berlin"))));
    }

    /** Instant simulated work, so that a whole procedure runs without waiting. */
    static LabScenario instant() {
        return LabScenario.defaults().withDurationScale(0);
    }

    /** Labs in an in-memory database of their own per folder: two calls with the same folder see the same labs. */
    static RehearsalLabs labs(Path dataDir, ManualClock clock) {
        return new RehearsalLabs(database(dataDir), (scenario, anchor) -> clock);
    }

    static DataSource database(Path dataDir) {
        String name = "labs-" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static RehearsalLab lab(Path dataDir, ManualClock clock, LabScenario scenario) {
        return labs(dataDir, clock).open("run-1", massiveDynamic(), scenario);
    }
}
