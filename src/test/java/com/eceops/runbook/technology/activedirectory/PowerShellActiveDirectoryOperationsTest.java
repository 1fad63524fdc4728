package com.eceops.runbook.technology.activedirectory;

import com.eceops.runbook.technology.powershell.ScriptContext;
import com.eceops.runbook.technology.powershell.FakeWindowsSshServer;
import com.eceops.runbook.technology.powershell.MarkdownPlan;
import com.eceops.runbook.technology.powershell.OverthereConnector;
import com.eceops.runbook.technology.powershell.RemoteSessions;
import com.eceops.runbook.technology.powershell.RemoteTarget;
import com.eceops.runbook.technology.powershell.ScriptRecorder;
import com.eceops.runbook.technology.powershell.ScriptValues;
import com.eceops.runbook.technology.powershell.SshFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.eceops.runbook.technology.activedirectory.DirectoryObject;
import com.eceops.runbook.technology.activedirectory.DirectoryObject.AclGrant;
import com.eceops.runbook.estate.Connection;
import com.eceops.runbook.estate.CredentialRef;
import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The Active Directory operations over SSH against the fake Windows server: the scripts that go out, the answers
 * read into {@link DirectoryObject}, plan mode, and the service account's password in nothing but the script sent.
 * The sample estate has no management host, so the collocated server of side A (the fixture's host) reads AD.
 */
class PowerShellActiveDirectoryOperationsTest {

    private static final Estate ESTATE = ScriptValues.sampleEstate();

    @TempDir
    Path root;

    private FakeWindowsSshServer server;
    private RemoteSessions sessions;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void start() throws Exception {
        server = new FakeWindowsSshServer(root, SshFixture.USER, SshFixture.PASSWORD, true);
        sessions = SshFixture.sessions(server, 1);
        Logger logger = (Logger) LoggerFactory.getLogger("com.eceops.runbook");
        levelBefore = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("com.eceops.runbook");
        logger.detachAppender(logs);
        logger.setLevel(levelBefore);
        sessions.close();
        server.close();
    }

    @Test
    void aComputerObjectIsReadWithItsFlagsAndTheGrantsTheRunbookMakes() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("""
                {"exists":true,"samAccountName":"CC2K125ECEFOC$","distinguishedName":"CN=CC2K125ECEFOC,OU=ECE Cluster,DC=massivedynamic,DC=com",\
                "objectClass":"computer","uac":4098,"protectedFromAccidentalDeletion":true,"servicePrincipalNames":[],\
                "aces":[{"identity":"MASSIVE\\\\ECEInstaller","rights":"GenericAll","objectType":"00000000-0000-0000-0000-000000000000","inheritance":"None"},\
                {"identity":"NT AUTHORITY\\\\SELF","rights":"ReadProperty, WriteProperty","objectType":"00000000-0000-0000-0000-000000000000","inheritance":"None"}]}""");

        DirectoryObject cno = operations(false).readObject("CC2K125ECEFOC");

        assertThat(cno).isEqualTo(new DirectoryObject("CC2K125ECEFOC", DirectoryObject.Kind.COMPUTER, true,
                "CN=CC2K125ECEFOC,OU=ECE Cluster,DC=massivedynamic,DC=com", false, true, false, false, false, List.of(),
                List.of(new AclGrant("ECEInstaller", "FullControl"))));
        String script = server.scripts().get(0);
        assertThat(script).contains("$Name = 'CC2K125ECEFOC'")
                .contains("Get-ADObject -Filter 'sAMAccountName -eq $Name -or sAMAccountName -eq $computer'");
    }

    @Test
    void aUserCarriesItsDelegationFlagsAndSpns() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("""
                {"exists":true,"samAccountName":"SqlServerSvc","distinguishedName":"CN=SqlServerSvc,CN=Users,DC=massivedynamic,DC=com",\
                "objectClass":"user","uac":1114624,"protectedFromAccidentalDeletion":false,\
                "servicePrincipalNames":["MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433"],"aces":[]}""");

        DirectoryObject user = operations(false).readObject("SqlServerSvc");

        // 1114624 = NORMAL_ACCOUNT 512 + DONT_EXPIRE_PASSWORD 65536 + NOT_DELEGATED 1048576
        assertThat(user.kind()).isEqualTo(DirectoryObject.Kind.USER);
        assertThat(user.enabled()).isTrue();
        assertThat(user.passwordNeverExpires()).isTrue();
        assertThat(user.sensitiveCannotBeDelegated()).isTrue();
        assertThat(user.trustedForDelegation()).isFalse();
        assertThat(user.servicePrincipalNames()).containsExactly("MSSQLSvc/CC2K125ECEDB.massivedynamic.com:1433");
    }

    @Test
    void aMissingObjectReadsAsMissing() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"exists\":false}");

        assertThat(operations(false).readObject("OU=ECE Cluster,DC=massivedynamic,DC=com"))
                .isEqualTo(DirectoryObject.missing("OU=ECE Cluster,DC=massivedynamic,DC=com"));
    }

    @Test
    void spnHoldersAreNamedWithoutTheComputersDollar() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"names\":[\"SqlServerSvc\",\"CC2K125ECEAA$\"]}");

        assertThat(operations(false).findServicePrincipalName("MSSQLSvc/CC2K125ECEDB:1433"))
                .containsExactly("SqlServerSvc", "CC2K125ECEAA");
        assertThat(server.scripts().get(0)).contains("$Spn = 'MSSQLSvc/CC2K125ECEDB:1433'");
    }

    @Test
    void createDeleteComputerObjectsIsRecognisedOnlyForComputerObjectsAndAllDescendants() {
        String computer = ActiveDirectoryScripts.COMPUTER_CLASS;
        List<AclGrant> grants = PowerShellActiveDirectoryOperations.grants(List.of(
                new DirectoryAnswers.Ace("MASSIVE\\CC2K125ECEFOC$", "CreateChild, DeleteChild", computer, "All"),
                new DirectoryAnswers.Ace("MASSIVE\\Other$", "CreateChild, DeleteChild", computer, "None"),
                new DirectoryAnswers.Ace("MASSIVE\\Third$", "CreateChild", computer, "All"),
                new DirectoryAnswers.Ace("MASSIVE\\Fourth$", "CreateChild, DeleteChild", "bf967aba-0de6-11d0-a285-00aa003049e2", "All")));

        assertThat(grants).containsExactly(new AclGrant("CC2K125ECEFOC", "CreateChild,DeleteChild:Computer"));
    }

    @Test
    void theOuIsCreatedUnderItsParentFromItsDistinguishedName() {
        server.answers = command -> FakeWindowsSshServer.Answer.json("{\"changed\":true,\"before\":\"absent\",\"after\":\"present, protected\"}");

        Change change = operations(false).ensureOrganizationalUnit("OU=ECE\\, HA Cluster,OU=Servers,DC=massivedynamic,DC=com");

        assertThat(change).isEqualTo(Change.of("absent", "present, protected"));
        assertThat(server.scripts().get(0)).contains("$OuName = 'ECE, HA Cluster'")
                .contains("$ParentPath = 'OU=Servers,DC=massivedynamic,DC=com'")
                .contains("New-ADOrganizationalUnit -Name $OuName -Path $ParentPath -ProtectedFromAccidentalDeletion $true");
    }

    @Test
    void aClusterNameLongerThanFifteenCharactersIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> operations(false).prestageClusterNameObject("CC2K125ECEFOC-LONG", ESTATE.domain().organizationalUnit()))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("longer than 15 characters");
        assertThat(server.received).isEmpty();
    }

    @Test
    void aChangeTheServerFindsDoneChangesNothing() {
        server.answers = command -> FakeWindowsSshServer.Answer.json(
                "{\"changed\":false,\"before\":\"trusted (Kerberos only)\",\"after\":\"trusted (Kerberos only)\"}");

        assertThat(operations(false).trustForDelegationKerberosOnly("CC2K125ECEAA")).isEqualTo(Change.none("trusted (Kerberos only)"));
        assertThat(server.scripts().get(0)).contains("Set-ADAccountControl -Identity $found[0].DistinguishedName -TrustedForDelegation $true -AccountNotDelegated $false");
    }

    @Test
    void theServiceAccountsPasswordTravelsOnlyInTheScriptSentAndIsMaskedEverywhereElse() {
        String secret = SshFixture.PASSWORD;
        server.answers = command -> new FakeWindowsSshServer.Answer(1, "New-ADUser failed for " + secret, "error " + secret, Duration.ZERO);
        MarkdownPlan recorded = new MarkdownPlan();

        assertThatThrownBy(() -> operations(false, recorded).ensureServiceUser("SqlServerSvc", new CredentialRef("sql-service")))
                .isInstanceOf(OperationFailedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).contains(SecretMasker.MASK));

        assertThat(server.scripts().get(0)).contains("$Password = '" + secret + "'");
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(secret));
        assertThat(recorded.toMarkdown("plan")).doesNotContain(secret);
    }

    @Test
    void planModeRecordsTheChangesWithThePasswordMaskedAndResolvesNoSecret() {
        RemoteSessions noSecrets = new RemoteSessions(new OverthereConnector(ref -> {
            throw new AssertionError("plan mode resolved " + ref);
        }, Duration.ofSeconds(5)), List.of(SshFixture.target(server, server.fingerprint())), 1, Duration.ofMinutes(1));
        MarkdownPlan plan = new MarkdownPlan();
        PowerShellActiveDirectoryOperations ad = new PowerShellActiveDirectoryOperations(new ScriptContext(noSecrets, () -> "pre-2.1", plan, true, Duration.ofSeconds(10)), ESTATE);

        ad.ensureServiceUser("SqlServerSvc", new CredentialRef("sql-service"));
        ad.registerServicePrincipalName("SqlServerSvc", "MSSQLSvc/CC2K125ECEDB:1433");

        assertThat(server.received).isEmpty();
        String markdown = plan.toMarkdown("Plan");
        assertThat(markdown).contains("## " + SshFixture.HOST, "### pre-2.1: ensure service user",
                "$Password = '******'", "New-ADUser -Name $Account", "Set-ADObject -Identity $owner[0].DistinguishedName -Add @{ servicePrincipalName = $Spn }");
    }

    @Test
    void aManagementHostWithWinRmKerberosAndNoDoubleHopIsRefusedBeforeAnythingIsSent() {
        RemoteSessions winrm = new RemoteSessions(SshFixture.connector(), List.of(new RemoteTarget(SshFixture.HOST,
                "cc2k125eceaa.massivedynamic.com", new Connection(Connection.Protocol.WINRM_HTTPS, 5986,
                "ECEInstaller@MASSIVEDYNAMIC.COM", new CredentialRef("domain-admin"), Optional.empty()))), 1, Duration.ofMinutes(1));
        PowerShellActiveDirectoryOperations ad = new PowerShellActiveDirectoryOperations(new ScriptContext(winrm, () -> "pre-2.7", ScriptRecorder.NONE, false, Duration.ofSeconds(10)), ESTATE);

        assertThatThrownBy(() -> ad.trustForDelegationKerberosOnly("CC2K125ECEAA"))
                .isInstanceOf(OperationFailedException.class).hasMessageContaining("double hop").hasMessageContaining("doubleHop");
        winrm.close();
    }

    private PowerShellActiveDirectoryOperations operations(boolean plan) {
        return operations(plan, new MarkdownPlan());
    }

    private PowerShellActiveDirectoryOperations operations(boolean plan, ScriptRecorder recorder) {
        return new PowerShellActiveDirectoryOperations(new ScriptContext(sessions, () -> "pre-2", recorder, plan, Duration.ofSeconds(10)), ESTATE);
    }
}
