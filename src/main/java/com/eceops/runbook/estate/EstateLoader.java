package com.eceops.runbook.estate;

import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an inventory file into an {@link Estate}. The YAML is composed into SnakeYAML's node tree, never
 * constructed into objects, so that every value keeps its line and no tag can instantiate a class; the tree
 * is then bound by hand, key by key, and every problem is collected rather than the first one thrown.
 * Single values are checked here (types, formats); relations between values are {@link EstateValidator}'s.
 */
final class EstateLoader {

    BoundInventory load(String yaml) {
        return load(new StringReader(yaml));
    }

    BoundInventory load(Reader yaml) {
        Node root;
        try {
            root = new Yaml(options()).compose(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return failed(line, "not valid YAML: " + Objects.toString(e.getProblem(), e.getMessage()));
        } catch (YAMLException e) {
            return failed(0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return failed(0, "the inventory is empty");
        }
        Problems problems = new Problems();
        InventoryText.check(root, problems);
        YamlMap map = YamlMap.of(root, "", problems);
        Estate estate = map == null ? null : estate(map);
        return new BoundInventory(estate, SourceLines.of(root), problems.list());
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // Duplicates are reported by YamlMap with their path; aliases have no use in an inventory.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1024 * 1024);
        return options;
    }

    private static BoundInventory failed(int line, String message) {
        return new BoundInventory(null, SourceLines.NONE, List.of(new EstateProblem("", line, message)));
    }

    private Estate estate(YamlMap root) {
        String name = root.required("estate", ScalarType.TEXT);
        String description = root.optional("description", ScalarType.TEXT).orElse("");
        Boolean live = root.required("live", ScalarType.BOOLEAN);
        YamlMap domainMap = root.map("domain");
        Domain domain = domain(domainMap);
        YamlMap drives = root.map("drives");
        List<Drive> collocatedDrives = drives(drives, "collocated");
        List<Drive> webDrives = drives(drives, "web");
        finish(drives);
        Paths paths = paths(root.map("paths"));
        SideBinder sides = new SideBinder(collocatedDrives, webDrives, paths, root.optionalMap("connections").orElse(null));
        YamlMap sidesMap = root.map("sides");
        Side sideA = sides.side(sidesMap, "a");
        Side sideB = sides.side(sidesMap, "b");
        finish(sidesMap);
        domain = managementConnection(domain, domainMap, sideA, sideB, sides);
        YamlMap sqlServer = root.map("sqlServer");
        Optional<SqlConnectionProfile> sqlConnection = SqlConnectionReader.read(sqlServer);
        Estate estate = new Estate(name, description, Boolean.TRUE.equals(live), domain, sideA, sideB,
                cluster(root.map("cluster")), availabilityGroup(root.map("availabilityGroup")),
                databases(sqlServer), paths, dfs(root.map("dfs")), accounts(root.map("accounts")),
                ece(root.map("ece")), loadBalancer(root.map("loadBalancer")), patchWindows(root), sqlConnection,
                patchStepEstimates(root));
        root.finish();
        return estate;
    }

    private static Domain domain(YamlMap map) {
        if (map == null) {
            return null;
        }
        Domain domain = new Domain(map.required("fqdn", ScalarType.TEXT), map.required("netbios", ScalarType.TEXT),
                map.required("organizationalUnit", ScalarType.TEXT), map.optional("managementHost", ScalarType.TEXT),
                map.optional("domainAdmin", ScalarType.CREDENTIAL));
        map.optional("managementConnection"); // bound once the connection defaults are read
        map.finish();
        return domain;
    }

    /**
     * The connection to the management host: the defaults overlaid with {@code domain.managementConnection}, the
     * domain-admin credential instead of the defaults' one. A management host that is one of the estate's servers
     * keeps that server's connection; a {@code managementConnection} without a management host is a mistake.
     */
    private static Domain managementConnection(Domain domain, YamlMap map, Side sideA, Side sideB, SideBinder sides) {
        if (domain == null || map == null) {
            return domain;
        }
        Optional<YamlMap> override = map.optionalMap("managementConnection");
        if (domain.managementHost().isEmpty()) {
            override.ifPresent(given -> map.problems().add(map.path("managementConnection"), given.line(),
                    "managementConnection is only read together with managementHost"));
            return domain;
        }
        String host = domain.managementHost().get();
        boolean estateServer = java.util.stream.Stream.of(sideA, sideB).filter(Objects::nonNull)
                .flatMap(side -> java.util.stream.Stream.of(side.collocated(), side.web())).filter(Objects::nonNull)
                .anyMatch(server -> host.equalsIgnoreCase(server.name()));
        if (estateServer) {
            return domain;
        }
        return domain.withManagementConnection(Optional.ofNullable(sides.connection(override.orElse(null),
                domain.domainAdmin().orElse(null), map.path("managementConnection"), map.problems())));
    }

    private static List<Drive> drives(YamlMap drives, String role) {
        if (drives == null) {
            return null;
        }
        List<Drive> bound = new ArrayList<>();
        boolean complete = true;
        for (YamlMap.Item item : drives.list(role, true)) {
            YamlMap drive = YamlMap.of(item.node(), item.path(), drives.problems());
            if (drive != null) {
                Character letter = drive.required("letter", ScalarType.DRIVE_LETTER);
                Integer sizeGb = drive.required("sizeGb", ScalarType.INTEGER);
                String usage = drive.optional("usage", ScalarType.TEXT).orElse("");
                drive.finish();
                if (letter != null && sizeGb != null) {
                    bound.add(new Drive(letter, sizeGb, usage));
                } else {
                    complete = false;
                }
            } else {
                complete = false;
            }
        }
        // A partial list would make every path on the unreadable drive a second, misleading problem.
        return complete ? List.copyOf(bound) : null;
    }

    private static Paths paths(YamlMap map) {
        if (map == null) {
            return null;
        }
        Paths paths = new Paths(map.required("sharedDirectory", ScalarType.TEXT), map.required("eceHome", ScalarType.TEXT),
                map.required("webEceHome", ScalarType.TEXT), map.required("ssisDirectory", ScalarType.TEXT),
                map.required("sqlData", ScalarType.TEXT), map.required("sqlBackups", ScalarType.TEXT));
        map.finish();
        return paths;
    }

    private static Cluster cluster(YamlMap map) {
        if (map == null) {
            return null;
        }
        Cluster cluster = new Cluster(map.required("name", ScalarType.TEXT), ipsBySide(map));
        map.finish();
        return cluster;
    }

    private static AvailabilityGroup availabilityGroup(YamlMap map) {
        if (map == null) {
            return null;
        }
        String name = map.required("name", ScalarType.TEXT);
        YamlMap listener = map.map("listener");
        String listenerName = null;
        Map<String, String> listenerIps = Map.of();
        Integer listenerPort = null;
        if (listener != null) {
            listenerName = listener.required("name", ScalarType.TEXT);
            listenerPort = listener.required("port", ScalarType.INTEGER);
            listenerIps = ipsBySide(listener);
            listener.finish();
        }
        Integer endpointPort = map.required("endpointPort", ScalarType.INTEGER);
        map.finish();
        return new AvailabilityGroup(name, listenerName, listenerIps, orZero(listenerPort), orZero(endpointPort));
    }

    /** {@code ips: {a: ..., b: ...}}: a cluster resource has exactly one static IP in each side's subnet. */
    private static Map<String, String> ipsBySide(YamlMap owner) {
        YamlMap ips = owner.map("ips");
        Map<String, String> bySide = new LinkedHashMap<>();
        if (ips == null) {
            return bySide;
        }
        for (String side : List.of("a", "b")) {
            Node ip = ips.required(side);
            if (ip instanceof SequenceNode) {
                ips.problems().add(ips.path(side), ip, "exactly one IP per side, not a list");
            } else if (ip != null) {
                String text = ips.scalar(ip, ips.path(side), ScalarType.TEXT);
                if (text != null) {
                    bySide.put(side, text);
                }
            }
        }
        ips.finish();
        return bySide;
    }

    private static EceDatabases databases(YamlMap sqlServer) {
        if (sqlServer == null) {
            return null;
        }
        YamlMap map = sqlServer.map("databases");
        sqlServer.finish();
        if (map == null) {
            return null;
        }
        EceDatabases databases = new EceDatabases(map.required("active", ScalarType.TEXT), map.required("master", ScalarType.TEXT),
                map.required("reports", ScalarType.TEXT), map.required("seeding", ScalarType.TEXT));
        map.finish();
        return databases;
    }

    /** The root and folder are not written separately: they are read off {@code \\domain\root\folder}. */
    private static Dfs dfs(YamlMap map) {
        if (map == null) {
            return null;
        }
        String path = map.required("path", ScalarType.TEXT);
        String localPath = map.required("localPath", ScalarType.TEXT);
        Integer stagingQuotaMb = map.required("stagingQuotaMb", ScalarType.INTEGER);
        map.finish();
        List<String> parts = path == null ? List.of() : WindowsPaths.uncComponents(path);
        return new Dfs(path, parts.size() > 1 ? parts.get(1) : null, parts.size() > 2 ? parts.get(2) : null,
                localPath, orZero(stagingQuotaMb));
    }

    private static Accounts accounts(YamlMap map) {
        if (map == null) {
            return null;
        }
        Accounts accounts = new Accounts(account(map, "sqlService"), account(map, "eceService"), account(map, "clusterAdmin"));
        map.finish();
        return accounts;
    }

    private static Accounts.Account account(YamlMap accounts, String key) {
        YamlMap map = accounts.map(key);
        if (map == null) {
            return null;
        }
        String name = map.required("name", ScalarType.TEXT);
        CredentialRef credential = map.required("credential", ScalarType.CREDENTIAL);
        map.finish();
        return name == null || credential == null ? null : new Accounts.Account(name, credential);
    }

    private static Ece ece(YamlMap map) {
        if (map == null) {
            return null;
        }
        Ece ece = new Ece(map.required("version", ScalarType.TEXT), map.required("fqdn", ScalarType.TEXT),
                map.required("contextRoot", ScalarType.TEXT), map.required("partition", ScalarType.TEXT),
                orZero(map.required("jettyPort", ScalarType.INTEGER)), map.required("serviceName", ScalarType.TEXT),
                map.required("mediaPath", ScalarType.TEXT), Boolean.TRUE.equals(map.required("productionEmail", ScalarType.BOOLEAN)),
                Boolean.TRUE.equals(map.required("pcce", ScalarType.BOOLEAN)),
                map.optional("privateCaMailServers", ScalarType.BOOLEAN).orElse(true),
                map.optional("singleSignOn", ScalarType.BOOLEAN).orElse(true),
                certificateWarningDays(map),
                map.optional("ssisCatalogCredential", ScalarType.CREDENTIAL).orElse(null),
                loginMarkers(map), textList(map, "adminWorkstations"), patchLevelFile(map), ciscoProcesses(map),
                map.optional("httpsPort", ScalarType.INTEGER).orElse(null));
        map.finish();
        return ece;
    }

    /** ece.ciscoProcesses: the lower bounds of the started service's process counts; the document's when left out. */
    private static CiscoProcessCounts ciscoProcesses(YamlMap ece) {
        Optional<YamlMap> given = ece.optionalMap("ciscoProcesses");
        if (given.isEmpty()) {
            return CiscoProcessCounts.DOCUMENT;
        }
        YamlMap map = given.get();
        int main = atLeastOne(map, "mainServer", CiscoProcessCounts.DOCUMENT.mainServer());
        int other = atLeastOne(map, "otherServer", CiscoProcessCounts.DOCUMENT.otherServer());
        map.finish();
        return new CiscoProcessCounts(main, other);
    }

    private static int atLeastOne(YamlMap map, String key, int fallback) {
        Integer count = map.optional(key, ScalarType.INTEGER).orElse(fallback);
        if (count < 1 || count > 1000) {
            map.problems().add(map.path(key), map.line(key), "a process count from 1 to 1000, not " + count);
            return fallback;
        }
        return count;
    }

    /** A path below the ECE home: relative, no drive, no UNC, no ".." that would leave the home. */
    private static String patchLevelFile(YamlMap map) {
        String file = map.optional("patchLevelFile", ScalarType.TEXT).orElse(null);
        if (file == null) {
            return null;
        }
        boolean relative = !file.isBlank() && !file.matches("^[A-Za-z]:.*") && !file.startsWith("\\") && !file.startsWith("/")
                && java.util.Arrays.stream(file.split("[\\\\/]")).noneMatch(".."::equals);
        if (!relative) {
            map.problems().add(map.path("patchLevelFile"), map.line("patchLevelFile"),
                    "the patch level file is a path below the ECE home such as eService\\patches.txt, not '" + file + "'");
            return null;
        }
        return file;
    }

    /** final-1 warns this many days before the ECE certificate expires: 1 to 365, 30 when not written. */
    private static int certificateWarningDays(YamlMap map) {
        Integer days = map.optional("certificateWarningDays", ScalarType.INTEGER).orElse(Ece.DEFAULT_CERTIFICATE_WARNING_DAYS);
        if (days < 1 || days > 365) {
            map.problems().add(map.path("certificateWarningDays"), map.line("certificateWarningDays"),
                    "the certificate warning comes 1 to 365 days ahead, not " + days);
            return Ece.DEFAULT_CERTIFICATE_WARNING_DAYS;
        }
        return days;
    }

    /** ece.loginPage: both lists optional (defaults {@link LoginMarkers#DEFAULT}); a list given must hold texts. */
    private static LoginMarkers loginMarkers(YamlMap ece) {
        Optional<YamlMap> page = ece.optionalMap("loginPage");
        if (page.isEmpty()) {
            return LoginMarkers.DEFAULT;
        }
        YamlMap map = page.get();
        List<String> form = map.has("formMarkers") ? textList(map, "formMarkers") : LoginMarkers.DEFAULT.formMarkers();
        List<String> errors = map.has("errorMarkers") ? textList(map, "errorMarkers") : LoginMarkers.DEFAULT.errorMarkers();
        if (form.isEmpty()) {
            map.problems().add(map.path("formMarkers"), map.line("formMarkers"),
                    "name at least one text of the login form, or leave formMarkers out for the defaults");
        }
        map.finish();
        return new LoginMarkers(form, errors);
    }

    /** A list of non-blank texts; each blank or non-text item is reported with its path. */
    private static List<String> textList(YamlMap map, String key) {
        List<String> texts = new ArrayList<>();
        for (YamlMap.Item item : map.list(key, false)) {
            if (map.problems().refused(item.node())) {
                continue;
            }
            String text = map.scalar(item.node(), item.path(), ScalarType.TEXT);
            if (text == null || text.isBlank()) {
                map.problems().add(item.path(), item.node(), "an empty text");
            } else {
                texts.add(text);
            }
        }
        return texts;
    }

    private static LoadBalancer loadBalancer(YamlMap map) {
        if (map == null) {
            return null;
        }
        LoadBalancer loadBalancer = new LoadBalancer(map.required("virtualIp", ScalarType.TEXT), persistenceCookie(map));
        map.finish();
        return loadBalancer;
    }

    /** loadBalancer.persistenceCookie: optional; a cookie name is a token (RFC 6265), no spaces, no separators. */
    private static String persistenceCookie(YamlMap map) {
        String name = map.optional("persistenceCookie", ScalarType.TEXT).orElse(null);
        if (name != null && !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            map.problems().add(map.path("persistenceCookie"), map.line("persistenceCookie"),
                    "'" + name + "' is not a cookie name (letters, digits and !#$%&'*+.^_`|~- only)");
            return null;
        }
        return name;
    }

    private static List<PatchWindow> patchWindows(YamlMap root) {
        List<PatchWindow> windows = new ArrayList<>();
        for (YamlMap.Item item : root.list("patchWindows", false)) {
            YamlMap map = YamlMap.of(item.node(), item.path(), root.problems());
            if (map == null) {
                continue;
            }
            var day = map.required("day", ScalarType.DAY);
            var start = map.required("start", ScalarType.TIME);
            Integer hours = map.required("hours", ScalarType.INTEGER);
            var zone = map.required("zone", ScalarType.ZONE);
            map.finish();
            if (hours != null && (hours < 1 || hours > 24)) {
                map.problems().add(map.path("hours"), map.line("hours"), "a patch window lasts 1 to 24 hours, not " + hours);
                hours = null;
            }
            if (day != null && start != null && hours != null && zone != null) {
                windows.add(new PatchWindow(day, start, Duration.ofHours(hours), zone));
            }
        }
        return List.copyOf(windows);
    }

    /** Optional; each step not named keeps its default (the document's figures). */
    private static PatchStepEstimates patchStepEstimates(YamlMap root) {
        Optional<YamlMap> map = root.optionalMap("patchStepEstimates");
        if (map.isEmpty()) {
            return PatchStepEstimates.DEFAULTS;
        }
        YamlMap m = map.get();
        PatchStepEstimates d = PatchStepEstimates.DEFAULTS;
        PatchStepEstimates estimates = new PatchStepEstimates(
                m.optional("stopServices", ScalarType.DURATION).orElse(d.stopServices()),
                m.optional("backUpDatabases", ScalarType.DURATION).orElse(d.backUpDatabases()),
                m.optional("installPatch", ScalarType.DURATION).orElse(d.installPatch()),
                m.optional("startServices", ScalarType.DURATION).orElse(d.startServices()));
        m.finish();
        return estimates;
    }

    private static void finish(YamlMap map) {
        if (map != null) {
            map.finish();
        }
    }

    // A port that could not be read is reported already; 0 keeps the record whole and fails no second rule.
    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
