package org.nestor.core.internal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The svc commands as bin/nestor runs them: exit codes, output, errors, and the store left intact. */
class NestorMainTest {

    @TempDir
    Path base;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @BeforeEach
    void redirect() {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    private int nestor(String... args) {
        System.out.flush();
        out.reset();
        err.reset();
        return NestorMain.run(List.of(args), Map.of("NESTOR_BASE", base.toString(), "NESTOR_NODE", "hv1"));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(base.resolve(name), text);
    }

    private static final String WEB = """
            [DEFAULT]
            nodes = hv1 hv2
            encapnodes = vm1
            nodes@encapnodes = vm1

            [app#1]
            start = /usr/bin/env NAME={svcname} NODE={nodename}
            """;

    @Test
    void createPrintAndEvaluate() throws IOException {
        assertEquals(0, nestor("svc", "create", "web", "--config", write("web.conf", WEB).toString()), err());
        assertEquals(0, nestor("svc:list"));
        assertEquals("web\n", out());
        assertEquals(0, nestor("svc", "print-config", "web"));
        assertEquals(WEB, out());
        assertEquals(0, nestor("svc", "print-config", "web", "--eval", "--format", "json", "--impersonate", "vm1"));
        assertTrue(out().contains("\"nodes\" : [ \"vm1\" ]"), out());
        assertTrue(out().contains("\"start\" : \"/usr/bin/env NAME=web NODE=vm1\""), out());
        assertEquals(0, nestor("svc", "print-config", "web", "--eval", "--format=ini"));
        assertTrue(out().contains("nodes = hv1 hv2\n"), out());
    }

    @Test
    void createFromJsonOnStandardInput() {
        System.setIn(new ByteArrayInputStream("{\"app#1\": {\"start\": \"/bin/true\"}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, nestor("svc", "create", "db", "--config", "-"), err());
        assertEquals(0, nestor("svc", "print-config", "db"));
        assertEquals("[app#1]\nstart = /bin/true\n", out());
    }

    @Test
    void setUnsetAndValidate() throws IOException {
        nestor("svc", "create", "web", "--config", write("web.conf", WEB).toString());
        assertEquals(0, nestor("svc", "set", "web", "--kw", "app#1.timeout=2m", "--kw", "flex_min@hv1=2",
                "--kw", "DEFAULT.topology=flex"), err());
        assertEquals(0, nestor("svc", "print-config", "web", "--eval", "--format", "json"));
        assertTrue(out().contains("\"timeout\" : 120") && out().contains("\"flex_min\" : 2"), out());
        assertEquals(0, nestor("svc", "unset", "web", "--kw", "app#1.timeout"), err());
        assertEquals(0, nestor("svc", "validate", "web"), err());
        assertEquals(base.resolve("etc/nestor/services/web.conf") + ": valid\n", out());
    }

    @Test
    void badInputIsOneLineNamingThePlaceAndLeavesTheStoreAlone() throws IOException {
        nestor("svc", "create", "web", "--config", write("web.conf", WEB).toString());
        Path stored = base.resolve("etc/nestor/services/web.conf");
        String before = Files.readString(stored);

        Path bad = write("bad.conf", "[DEFAULT]\nnodes = a\n[app#1]\nstrat = /bin/true\n");
        assertEquals(1, nestor("svc", "create", "web", "--force", "--config", bad.toString()));
        assertEquals(bad + ":4: [app#1] strat: unknown keyword (did you mean 'start'?)\n", err());

        Path json = write("bad.json", "{\"DEFAULT\": {\"nodes\": \"a\"\n  \"x\": 1}}");
        assertEquals(1, nestor("svc", "create", "new", "--config", json.toString()));
        assertTrue(err().startsWith(json + ":2: invalid JSON:"), err());

        assertEquals(1, nestor("svc", "set", "web", "--kw", "app#1.timeout=soon"));
        assertEquals(stored + ": [app#1] timeout: 'soon' is not a duration (like 90, 30s, 5m, 1h30m, 2d)\n", err());

        assertEquals(1, nestor("svc", "set", "web", "--kw", "env.a={env.b}", "--kw", "env.b={env.a}",
                "--kw", "app#1.start={env.a}"));
        assertTrue(err().startsWith(stored + ": [app#1] start: reference recursion deeper than 20"), err());

        assertEquals(1, nestor("svc", "unset", "web", "--kw", "app#1.nosuch"));
        assertEquals("app#1.nosuch is not set in service web\n", err());

        assertEquals(1, nestor("svc", "validate", "--config", bad.toString()));
        assertEquals(1, nestor("svc", "create", "a/b", "--config", write("ok.conf", WEB).toString()));
        assertTrue(err().startsWith("invalid service name 'a/b'"), err());
        assertEquals(1, nestor("svc", "create", "x;rm", "--config", write("ok.conf", WEB).toString()));
        assertEquals(1, nestor("svc", "print-config", "nosuch"));
        assertEquals("no service 'nosuch' (" + base.resolve("etc/nestor/services/nosuch.conf") + ")\n", err());

        assertEquals(before, Files.readString(stored));
        try (Stream<Path> files = Files.list(stored.getParent())) {
            assertEquals(List.of("web.conf"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void handEditedInvalidServiceIsReportedByValidate() throws IOException {
        nestor("svc", "create", "web", "--config", write("web.conf", WEB).toString());
        Path stored = base.resolve("etc/nestor/services/web.conf");
        Files.writeString(stored, "[DEFAULT]\nnodes = a\n[container#1]\ntype = kvm\n");
        assertEquals(1, nestor("svc", "validate", "web"));
        assertEquals(stored + ":4: [container#1] type: unknown type 'kvm' for group 'container' "
                + "(no container driver is installed)\n", err());
    }

    @Test
    void storeLockTimeoutComesFromTheCoreConfiguration() throws Exception {
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("etc/org.nestor.core.cfg"), "lockTimeout = 0\n");
        nestor("svc", "create", "web", "--config", write("web.conf", WEB).toString());
        Path lockFile = base.resolve("data/nestor/web/lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.nestor.core.internal.store.LockHolder", "web",
                lockFile.toString()).start();
        try {
            assertEquals("locked", new String(holder.getInputStream().readNBytes(6), StandardCharsets.UTF_8));
            assertEquals(1, nestor("svc", "set", "web", "--kw", "DEFAULT.comment=x"));
            assertTrue(err().startsWith("service 'web' is locked by pid " + holder.pid() + " "), err());
            assertTrue(err().endsWith("gave up after 0s\n"), err());
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        Files.writeString(base.resolve("etc/org.nestor.core.cfg"), "lockTimeout = soon\n");
        assertEquals(1, nestor("svc", "list"));
        assertEquals(base.resolve("etc/org.nestor.core.cfg") + ": lockTimeout: 'soon' is not a number (long)\n",
                err());
    }

    private String apps() {
        Path run = base.resolve("run");
        String app = "start = /bin/sh -c 'mkdir -p " + run + " && touch " + run + "/{rindex}'\n"
                + "stop = /bin/rm -f " + run + "/{rindex}\n"
                + "check = /usr/bin/test -f " + run + "/{rindex}\n";
        return "[app#1]\n" + app + "\n[app#2]\n" + app + "\n[app#3]\n" + app + "standby = true\n";
    }

    @Test
    void startPrintStatusStopAndLogs() throws IOException {
        nestor("svc", "create", "apps", "--config", write("apps.conf", apps()).toString());
        assertEquals(0, nestor("svc", "start", "apps"), err());
        assertTrue(out().contains("hv1.apps.app#2 INFO started\n"), out());
        assertTrue(Files.exists(base.resolve("run/1")) && Files.exists(base.resolve("run/2")));

        assertEquals(0, nestor("svc", "print-status", "apps"));
        assertTrue(out().startsWith("apps" + " ".repeat(20) + "up\n|- avail" + " ".repeat(16) + "up\n"), out());
        assertTrue(out().contains("   `- app#3   ......S.  stdby up    /bin/sh -c mkdir -p "), out());
        assertEquals(0, nestor("svc", "print-status", "apps", "--format", "json", "--refresh"));
        assertTrue(out().contains("\"overall\" : \"up\""), out());

        assertEquals(0, nestor("svc", "stop", "apps", "--rid", "app#2"));
        assertFalse(Files.exists(base.resolve("run/2")));
        assertEquals(0, nestor("svc", "stop", "apps"));
        assertFalse(Files.exists(base.resolve("run/1")));
        assertTrue(Files.exists(base.resolve("run/3")), "standby stays up");
        assertEquals(0, nestor("svc", "print-status", "apps"));
        assertTrue(out().startsWith("apps" + " ".repeat(20) + "stdby up\n"), out());

        assertEquals(0, nestor("svc", "logs", "apps"));
        assertTrue(out().lines().allMatch(l -> l.matches("\\S+Z hv1\\.apps(\\.app#\\d)? (INFO|WARN|ERROR) .*")),
                out());
        assertTrue(out().contains(" hv1.apps.app#3 INFO standby: left up\n"), out());
    }

    @Test
    void aFailedStartRollsBackAndExitsWithOne() throws IOException {
        String config = apps().replace("[app#3]", "[app#4]\nstart = /bin/sh -c 'echo no luck >&2; exit 1'\n\n[app#3]");
        nestor("svc", "create", "apps", "--config", write("apps.conf", config).toString());
        assertEquals(0, nestor("svc", "start", "apps", "--dry-run"));
        assertEquals("dry-run: start app#1 (/bin/sh -c mkdir -p " + base.resolve("run") + " && touch "
                + base.resolve("run") + "/1)", out().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(base.resolve("run")), "a dry run does nothing");

        assertEquals(1, nestor("svc", "start", "apps"));
        assertEquals("apps app#4: start failed: start exited 1: no luck\n", err());
        assertTrue(out().contains("hv1.apps WARN rollback: stopping app#1, app#2\n"), out());
        try (var left = Files.list(base.resolve("run"))) {
            assertEquals(List.of(), left.toList(), "nothing left started");
        }
    }

    @Test
    void printStatusOfAllReportsABrokenServiceAndTheOthers() throws IOException {
        nestor("svc", "create", "apps", "--config", write("apps.conf", apps()).toString());
        nestor("svc", "create", "other", "--config", write("other.conf", apps()).toString());
        Files.writeString(base.resolve("etc/nestor/services/other.conf"), "[app#1]\nstrat = x\n");
        assertEquals(1, nestor("svc", "print-status", "--all"));
        assertTrue(out().startsWith("apps "), out());
        assertEquals("other: " + base.resolve("etc/nestor/services/other.conf")
                + ":2: [app#1] strat: unknown keyword (did you mean 'start'?)\n", err());
        assertEquals(1, nestor("svc", "print-status"));
        assertEquals("give either a service name or --all\n", err());
        assertEquals(1, nestor("svc", "print-status", "apps", "--format", "ini"));
        assertEquals(1, nestor("svc", "start", "apps", "--lock-timeout", "soon"));
        assertEquals(1, nestor("svc", "start", "nosuch"));
    }

    @Test
    void freezeAndThawShowInTheStatus() throws IOException {
        nestor("svc", "create", "apps", "--config", write("apps.conf", apps()).toString());
        assertEquals(0, nestor("svc", "freeze", "apps"));
        assertEquals(0, nestor("svc", "print-status", "apps", "--format", "json"));
        assertTrue(out().contains("\"frozen\" : true"), out());
        assertEquals(0, nestor("svc", "thaw", "apps"));
        assertEquals(0, nestor("svc", "print-status", "apps"));
        assertTrue(out().contains("|- frozen" + " ".repeat(15) + "no\n"), out());
    }

    @Test
    void commandLineMistakesExitWithTwo() {
        assertEquals(2, nestor("svc", "nosuch"));
        assertEquals("nestor: unknown command 'svc nosuch' (nestor --help lists them)\n", err());
        assertEquals(2, nestor("svc", "create", "web"));
        assertEquals("nestor: svc:create: Option --config is required (see --help)\n", err());
        assertEquals(2, nestor("svc", "list", "--bogus"));
        assertEquals(2, nestor("svc", "print-config"));
        assertEquals(2, nestor("svc", "create", "web", "--config"));
        assertEquals(2, nestor());
    }

    @Test
    void helpListsAndDescribesCommands() {
        assertEquals(0, nestor("--help"));
        assertTrue(out().contains("svc print-config"), out());
        assertEquals(0, nestor("svc", "set", "--help"));
        assertTrue(out().startsWith("DESCRIPTION\n        svc:set\n"), out());
        assertTrue(out().contains("SYNTAX\n        svc:set [options] service \n"), out());
        assertTrue(out().contains("        --kw\n"), out());
        assertFalse(out().contains("\u001B["), "no terminal escapes");
    }

    /** Karaf's grammar ends the options at the first argument; bin/nestor moves later options before it. */
    @Test
    void optionsAfterTheNameAreMovedBeforeItForKaraf() {
        assertEquals(List.of("--eval", "--format", "json", "--impersonate", "vm1", "web"),
                NestorMain.optionsFirst(org.nestor.core.command.PrintConfigCommand.class,
                        List.of("web", "--eval", "--format", "json", "--impersonate", "vm1")));
        assertEquals(List.of("--format=json", "--bogus", "web"), NestorMain.optionsFirst(
                org.nestor.core.command.PrintConfigCommand.class, List.of("web", "--format=json", "--bogus")));
        assertEquals(2, nestor("svc", "list", "-h"));
        assertEquals("nestor: svc:list: Undefined option: -h (see --help)\n", err());
    }

    @Test
    void printKeywordsShowsCoreAndDriverKeywords() {
        assertEquals(0, nestor("svc", "print-keywords", "app"));
        assertTrue(out().contains("app.forking  timeout"), out());
        assertTrue(out().contains("*            optional"), out());
        assertEquals(0, nestor("svc", "print-keywords", "DEFAULT"));
        assertTrue(out().contains("DEFAULT  nodes"), out());
        assertEquals(1, nestor("svc", "print-keywords", "container.kvm"));
        assertTrue(err().startsWith("no keywords for 'container.kvm'"), err());
    }

    /** Karaf finds commands by the Karaf-Commands header, bin/nestor by the list: they must agree. */
    @Test
    void everyCommandClassIsListedForTheLauncher() throws Exception {
        Path commandsDirectory = Path.of(NestorMainTest.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolveSibling("classes").resolve("org/nestor/core/command");
        Set<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(commandsDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "org.nestor.core.command." + commandsDirectory.relativize(file).toString()
                        .replace(".class", "").replace('/', '.');
                if (Class.forName(name).isAnnotationPresent(Command.class)) {
                    annotated.add(name);
                }
            }
        }
        Set<String> listed = NestorMain.commands().values().stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(annotated, listed);
        assertEquals(28, listed.size());
    }
}
