package com.eceops.runbook.technology.sql;

import com.eceops.runbook.estate.Estate;
import com.eceops.runbook.technology.sql.SqlServerOperations.Recovery;
import com.eceops.runbook.technology.sql.SqlServerOperations.RecoveryModel;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A T-SQL request as an instance received it, read back into what rendered it. Nothing is guessed:
 * <ul>
 * <li>a read is one of {@link DmvQueries}' texts, as mssql-jdbc sends a prepared statement ({@code ?} become
 *     {@code @P0}, {@code @P1}, ...), with the values bound to it;</li>
 * <li>a script is matched against templates made by the project's own renderers, called with marker values: each
 *     marker's place, and whether it stood in a {@code N'...'} literal or a {@code [...]} name, comes from the
 *     renderer's output, so the values are read back with the quoting rule that wrote them ({@link TSql});</li>
 * <li>the statements made from the estate as a whole (the availability group, its listener, post-9's jobs) are
 *     rendered from the estate and compared whole.</li>
 * </ul>
 * A request that is none of these is not recognised, and the wire lab answers it with an error naming it.
 */
public record WireStatement(String operation, List<Object> values, Object variant) {

    /** The operations of scripts, by name; reads are named after their {@link DmvQueries} constant. */
    public static final String CREATE_DATABASE = "create the seeding database";
    public static final String SET_RECOVERY = "set the recovery model";
    public static final String BACKUP_DATABASE = "back up a database";
    public static final String BACKUP_LOG = "back up a log";
    public static final String RESTORE_DATABASE = "restore a database";
    public static final String RESTORE_LOG = "restore a log";
    public static final String REPLACE_COPY = "replace the secondary's copy";
    public static final String VERIFY_BACKUP = "verify a backup";
    public static final String READ_HEADER = "read a backup header";
    public static final String START_JOB = "start a detached job";
    public static final String BACKUP_BEFORE_PATCH = "back up before the patch";
    public static final String RESTORE_BEFORE_PATCH = "restore from before the patch";
    public static final String CREATE_ENDPOINT = "create the mirroring endpoint";
    public static final String GRANT_CONNECT = "grant connect on the endpoint";
    public static final String CREATE_GROUP = "create the availability group";
    public static final String ADD_LISTENER = "add the listener";
    public static final String JOIN_GROUP = "join the availability group";
    public static final String ADD_DATABASE = "add a database to the group";
    public static final String JOIN_DATABASE = "join a database to the group";
    public static final String REMOVE_DATABASE = "remove a database from the group";
    public static final String LEAVE_GROUP = "take a database out of its group";
    public static final String FAILOVER = "fail over";
    public static final String REPLACE_JOB = "create or replace an Agent job";
    public static final String SET_JOB_ENABLED = "enable or disable an Agent job";
    public static final String GRANT_SSIS_CLEANUP = "grant the SSIS cleanup procedures";

    private static final Pattern MARKER = Pattern.compile("«(\\d+)»|9000000(\\d\\d)");
    private static final Map<String, String> QUERIES = queries();
    private static final List<Template> TEMPLATES = templates();

    public String text(int i) {
        return (String) values.get(i);
    }

    public int number(int i) {
        return ((Number) values.get(i)).intValue();
    }

    public boolean isRead() {
        return QUERIES.containsValue(operation);
    }

    /**
     * What {@code sql} is: a read of {@link DmvQueries} with its {@code parameters}, a script of a renderer, or one of
     * the estate's whole statements ({@link #estateStatements}); empty when it is none of them.
     */
    public static Optional<WireStatement> recognise(String sql, List<Object> parameters, Map<String, WireStatement> estateStatements) {
        String query = QUERIES.get(sql);
        if (query != null) {
            return Optional.of(new WireStatement(query, List.copyOf(parameters), null));
        }
        WireStatement whole = estateStatements.get(sql);
        if (whole != null) {
            return Optional.of(whole);
        }
        for (Template template : TEMPLATES) {
            Optional<WireStatement> read = template.read(sql);
            if (read.isPresent()) {
                if (read.get().operation().equals(START_JOB)) {
                    // The job's step is a statement of its own, recognised in turn.
                    Optional<WireStatement> step = recognise(read.get().text(2), List.of(), estateStatements);
                    if (step.isEmpty()) {
                        return Optional.empty();
                    }
                    List<Object> values = new ArrayList<>(read.get().values());
                    values.set(2, step.get());
                    return Optional.of(new WireStatement(START_JOB, values, read.get().variant()));
                }
                return read;
            }
        }
        return Optional.empty();
    }

    /** The step a detached job runs. */
    public WireStatement jobStep() {
        return (WireStatement) values.get(2);
    }

    /**
     * The statements the estate renders as a whole, as the runbook renders them: the availability group of
     * {@code spec}, its listener, and post-9's backup jobs.
     */
    public static Map<String, WireStatement> estateStatements(Estate estate, AvailabilityGroupSpec spec, ListenerSpec listener) {
        JdbcSqlServerOperations renderer = new JdbcSqlServerOperations(estate, (host, database) -> {
            throw new IllegalStateException("rendering only");
        }, JdbcSqlServerOperations.DEFAULT_TIMEOUT);
        Map<String, WireStatement> statements = new LinkedHashMap<>();
        statements.put(AvailabilityGroupStatements.createAvailabilityGroup(spec.name(), spec.databases(), renderer.replicas(spec),
                AvailabilityGroupStatements.BackupPreference.of(spec.backupPreference()), spec.databaseHealthDetection()),
                new WireStatement(CREATE_GROUP, List.of(spec.name()), spec));
        statements.put(AvailabilityGroupStatements.addListener(spec.name(), listener.name(), renderer.addresses(listener),
                listener.port()), new WireStatement(ADD_LISTENER, List.of(spec.name()), listener));
        for (AgentJob job : BackupPlan.jobs(estate.databases().eceDatabases(), estate.paths().sqlBackups())) {
            statements.put(AgentJobStatements.replaceJob(job), new WireStatement(REPLACE_JOB, List.of(job.name()), job));
        }
        return statements;
    }

    /** Each {@link DmvQueries} text as the driver sends it, to the constant's name. */
    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Field field : DmvQueries.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    queries.put(asSent((String) field.get(null)), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return queries;
    }

    /** mssql-jdbc names the markers of a prepared statement @P0, @P1, ... in order. */
    static String asSent(String query) {
        StringBuilder sent = new StringBuilder();
        int n = 0;
        for (char c : query.toCharArray()) {
            if (c == '?') {
                sent.append("@P").append(n++);
            } else {
                sent.append(c);
            }
        }
        return sent.toString();
    }

    private static List<Template> templates() {
        List<Template> t = new ArrayList<>();
        t.add(Template.of(CREATE_DATABASE, null, a -> DatabaseStatements.createSeedingDatabase(a.text(0), a.text(1))));
        for (RecoveryModel model : RecoveryModel.values()) {
            t.add(Template.of(SET_RECOVERY, model, a -> DatabaseStatements.setRecoveryModel(a.text(0), model)));
        }
        for (boolean compression : new boolean[] {true, false}) {
            t.add(Template.of(BACKUP_DATABASE, compression, a -> DatabaseStatements.backupDatabase(a.text(0), a.text(1),
                    new DatabaseStatements.BackupOptions(a.text(0) + "-Full Database Backup", compression, 25))));
        }
        t.add(Template.of(BACKUP_LOG, null, a -> DatabaseStatements.backupLog(a.text(0), a.text(1),
                new DatabaseStatements.BackupOptions(a.text(0) + "-Transaction Log Backup", true, 25))));
        for (Recovery recovery : Recovery.values()) {
            t.add(Template.of(RESTORE_DATABASE, recovery, a -> DatabaseStatements.restoreDatabase(a.text(0), a.text(1), recovery)));
            t.add(Template.of(RESTORE_LOG, recovery, a -> DatabaseStatements.restoreLog(a.text(0), a.text(1), recovery)));
        }
        t.add(Template.of(REPLACE_COPY, Recovery.NORECOVERY, a -> DatabaseStatements.restoreDatabaseReplacing(a.text(0), a.text(1),
                1, Recovery.NORECOVERY)));
        t.add(Template.of(VERIFY_BACKUP, null, a -> DatabaseStatements.verifyBackup(a.text(0), a.number(1))));
        t.add(Template.of(READ_HEADER, null, a -> DatabaseStatements.readHeader(a.text(0), a.number(1))));
        t.add(Template.of(BACKUP_BEFORE_PATCH, null, a -> DatabaseStatements.backupDatabase(a.text(0), a.text(1),
                DatabaseStatements.beforePatch(a.text(0)))));
        t.add(Template.of(RESTORE_BEFORE_PATCH, null, a -> DatabaseStatements.restoreBeforePatch(a.text(0), a.text(1), a.number(2))));
        for (boolean replaceFailed : new boolean[] {true, false}) {
            t.add(Template.of(START_JOB, replaceFailed, a -> DetachedStatements.startJob(a.text(0), a.text(1), a.text(2), replaceFailed)));
        }
        t.add(Template.of(CREATE_ENDPOINT, null, a -> AvailabilityGroupStatements.createEndpoint(a.number(0))));
        t.add(Template.of(GRANT_CONNECT, null, a -> AvailabilityGroupStatements.grantEndpointConnect(a.text(0))));
        t.add(Template.of(JOIN_GROUP, null, a -> AvailabilityGroupStatements.join(a.text(0))));
        t.add(Template.of(ADD_DATABASE, null, a -> AvailabilityGroupStatements.addDatabase(a.text(0), a.text(1))));
        t.add(Template.of(JOIN_DATABASE, null, a -> AvailabilityGroupStatements.joinDatabase(a.text(0), a.text(1))));
        t.add(Template.of(REMOVE_DATABASE, null, a -> AvailabilityGroupStatements.removeDatabase(a.text(0), a.text(1))));
        t.add(Template.of(LEAVE_GROUP, null, a -> AvailabilityGroupStatements.leaveGroup(a.text(0))));
        t.add(Template.of(FAILOVER, null, a -> AvailabilityGroupStatements.failover(a.text(0))));
        for (boolean enabled : new boolean[] {true, false}) {
            t.add(Template.of(SET_JOB_ENABLED, enabled, a -> AgentJobStatements.setEnabled(a.text(0), enabled)));
        }
        t.add(Template.of(GRANT_SSIS_CLEANUP, null, a -> SsisStatements.grantCleanupExecute(a.text(0))));
        return t;
    }

    /** The markers a renderer is called with: texts «0», «1», ...; numbers 900000000, 900000001, ... */
    private interface Markers {
        String text(int i);

        int number(int i);
    }

    /** Where a marker stood in the rendered text, which says how its value was quoted. */
    private enum Quoting { TEXT, NAME, NUMBER }

    private record Slot(int argument, Quoting quoting) {
    }

    private record Template(String operation, Object variant, Pattern pattern, List<Slot> slots) {

        static Template of(String operation, Object variant, Function<Markers, String> render) {
            String rendered = render.apply(new Markers() {
                @Override
                public String text(int i) {
                    return "«" + i + "»";
                }

                @Override
                public int number(int i) {
                    return 900_000_000 + i;
                }
            });
            StringBuilder regex = new StringBuilder();
            List<Slot> slots = new ArrayList<>();
            Quoting context = null;
            int i = 0;
            int literalFrom = 0;
            while (i < rendered.length()) {
                Matcher marker = MARKER.matcher(rendered).region(i, rendered.length());
                if (marker.lookingAt()) {
                    regex.append(Pattern.quote(rendered.substring(literalFrom, i)));
                    boolean isText = marker.group(1) != null;
                    if (isText && context == null) {
                        throw new IllegalStateException(operation + ": a value outside any quoting: " + rendered);
                    }
                    Slot slot = new Slot(Integer.parseInt(isText ? marker.group(1) : marker.group(2)),
                            isText ? context : Quoting.NUMBER);
                    String group = "v" + slot.argument() + slot.quoting().name();
                    if (slots.contains(slot)) {
                        // The same value written the same way again: the same text, so the match backtracks to agree.
                        regex.append("\\k<").append(group).append('>');
                    } else {
                        slots.add(slot);
                        regex.append("(?<").append(group).append('>').append(switch (slot.quoting()) {
                            case TEXT -> "(?:[^']|'')*?";
                            case NAME -> "(?:[^\\]]|\\]\\])*?";
                            case NUMBER -> "\\d+";
                        }).append(')');
                    }
                    i = marker.end();
                    literalFrom = i;
                    continue;
                }
                char c = rendered.charAt(i);
                if (context == null && rendered.startsWith("N'", i)) {
                    context = Quoting.TEXT;
                    i += 2;
                } else if (context == null && c == '[') {
                    context = Quoting.NAME;
                    i++;
                } else if (context == Quoting.TEXT && rendered.startsWith("''", i)) {
                    i += 2;
                } else if (context == Quoting.TEXT && c == '\'') {
                    context = null;
                    i++;
                } else if (context == Quoting.NAME && rendered.startsWith("]]", i)) {
                    i += 2;
                } else if (context == Quoting.NAME && c == ']') {
                    context = null;
                    i++;
                } else {
                    i++;
                }
            }
            regex.append(Pattern.quote(rendered.substring(literalFrom)));
            return new Template(operation, variant, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(slots));
        }

        /** The values, when {@code sql} is this template's text; each marker's occurrences must agree. */
        Optional<WireStatement> read(String sql) {
            Matcher m = pattern.matcher(sql);
            if (!m.matches()) {
                return Optional.empty();
            }
            Map<Integer, Object> values = new java.util.TreeMap<>();
            for (Slot slot : slots) {
                String raw = m.group("v" + slot.argument() + slot.quoting().name());
                Object value = switch (slot.quoting()) {
                    case TEXT -> raw.replace("''", "'");
                    case NAME -> raw.replace("]]", "]");
                    case NUMBER -> Integer.parseInt(raw);
                };
                Object earlier = values.putIfAbsent(slot.argument(), value);
                if (earlier != null && !earlier.equals(value)) {
                    return Optional.empty();
                }
            }
            return Optional.of(new WireStatement(operation, List.copyOf(values.values()), variant));
        }
    }
}
