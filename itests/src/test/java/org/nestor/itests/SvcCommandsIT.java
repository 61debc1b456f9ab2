package org.nestor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.parsing.CommandLineImpl;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.testsupport.FakeWorld;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** The svc:* commands in the Karaf console of a booted Nestor distribution. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SvcCommandsIT extends NestorKarafTestSupport {

    private static final String WEB = String.join("\n",
            "[DEFAULT]",
            "nodes = hv1 hv2",
            "encapnodes = vm1",
            "nodes@encapnodes = vm1",
            "",
            "[app#1]",
            "start = /bin/echo {svcname} on {nodename}",
            "timeout@hv1 = 10s",
            "");

    private Path base() {
        return Path.of(System.getProperty("karaf.base"));
    }

    private Path file(String name, String content) throws IOException {
        Path file = Files.createTempFile(base().resolve("data/tmp"), name, ".conf");
        return Files.writeString(file, content);
    }

    @Test
    public void coreBundleIsActiveAndItsCommandsAreRegistered() {
        Bundle core = List.of(bundleContext.getBundles()).stream()
                .filter(b -> "org.nestor.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, core.getState());
        String help = execute("help svc");
        for (String command : List.of("create", "delete", "list", "print-config", "print-keywords", "set", "unset",
                "validate")) {
            assertTrue(help, help.contains("svc:" + command));
        }
    }

    @Test
    public void createListPrintEvaluateSetAndDelete() throws IOException {
        execute("svc:create --config " + file("web", WEB) + " itweb");
        assertTrue(execute("svc:list").lines().anyMatch("itweb"::equals));
        assertEquals(WEB, execute("svc:print-config itweb"));

        String json = execute("svc:print-config --eval --format json itweb");
        assertTrue(json, json.contains("\"nodes\" : [ \"hv1\", \"hv2\" ]"));
        assertTrue(json, json.contains("\"start\" : \"/bin/echo itweb on hv1\""));
        assertTrue(json, json.contains("\"timeout\" : 10"));

        String guest = execute("svc:print-config --eval --format json --impersonate vm1 itweb");
        assertTrue(guest, guest.contains("\"nodes\" : [ \"vm1\" ]"));
        assertTrue(guest, guest.contains("\"timeout\" : 60"));

        execute("svc:set --kw 'app#1.timeout=2m' --kw 'DEFAULT.comment=from the console' itweb");
        assertTrue(execute("svc:print-config itweb").contains("timeout = 2m\n"));
        assertTrue(execute("svc:validate itweb").endsWith("itweb.conf: valid\n"));
        execute("svc:unset --kw 'DEFAULT.comment' itweb");
        assertFalse(execute("svc:print-config itweb").contains("comment"));

        execute("svc:delete itweb");
        assertFalse(execute("svc:list").lines().anyMatch("itweb"::equals));
    }

    @Test
    public void badInputIsRefusedNamingThePlaceAndNothingChanges() throws IOException {
        execute("svc:create --config " + file("ok", WEB) + " itbad");
        Path stored = base().resolve("etc/nestor/services/itbad.conf");
        String before = Files.readString(stored);

        Path typo = file("typo", WEB.replace("start =", "strat ="));
        assertFails("svc:create --force --config " + typo + " itbad",
                typo + ":7: [app#1] strat: unknown keyword (did you mean 'start'?)");
        assertFails("svc:set --kw 'app#1.timeout=soon' itbad",
                "[app#1] timeout: 'soon' is not a duration");
        assertFails("svc:create --config " + typo + " 'bad/name'", "invalid service name 'bad/name'");
        assertFails("svc:print-config nosuch", "no service 'nosuch'");
        assertEquals(before, Files.readString(stored));
        execute("svc:delete itbad");
    }

    /** The pool commands run in Karaf on the same files as bin/nestor; without peers they speak of this node only. */
    @Test
    public void poolCommandsSpeakOfThisNode() throws IOException {
        execute("svc:create --config " + file("pooled", WEB) + " itpool");
        String info = execute("pool:info itpool");
        assertTrue(info, info.matches("\\{\"node\":\"[^\"]+\",\"version\":\"0\\.1\\.0[^\"]*\","
                + "\"drivers\":\\[.*\"app\\.forking\".*\\],"
                + "\"services\":\\{\"itpool\":\\{\"version\":\\d+,\"checksum\":\"[0-9a-f]{64}\"}},"
                + "\"statuses\":\\{}}\\s*"));
        String withStatus = execute("pool:info --status itpool");
        assertTrue(withStatus, withStatus.contains("\"statuses\":{\"itpool\":{"));
        String list = execute("pool:list");
        assertTrue(list, list.matches("(?s)NODE +ADDRESS +STATE .*\\n\\S+ +- +this node .*"));
        assertFails("pool:remove-node nowhere", "no node 'nowhere' in the pool (it has none; pool add-node adds one)");
        String synced = execute("svc:sync-config itpool");
        assertTrue(synced, synced.contains("not replicated to hv2: not in this node's pool (pool add-node)"));
        execute("svc:delete itpool");
    }

    @Test
    public void printKeywordsShowsTheCoreAndTheBuiltInAppDriver() {
        String keywords = execute("svc:print-keywords app");
        assertTrue(keywords, keywords.contains("app.forking  start"));
        assertTrue(keywords, keywords.contains("*            tags"));
        assertTrue(execute("svc:print-keywords DEFAULT").contains("DEFAULT  encapnodes"));
        String network = execute("svc:print-keywords ip.netns");
        assertTrue(network, network.contains("ip.netns  mode") && network.contains("ip.netns  ipname"));
        String storage = execute("svc:print-keywords fs.btrfs");
        assertTrue(storage, storage.contains("fs.btrfs  kill_holders"));
    }

    /** A driver bundle is a whiteboard service: its keywords count the moment it appears, and stop when it leaves. */
    @Test
    public void aDriverRegisteredAtRuntimeIsUsedAtOnceAndForgottenWhenItLeaves() throws IOException {
        Path config = file("container", "[container#1]\ntype = itest\nimage = busybox\n");
        assertFails("svc:validate --config " + config,
                "type: unknown type 'itest' for group 'container' (installed: docker, kvm, libvirt, lxc, oci, xen)");

        ServiceRegistration<ResourceDriver> registration = registerItestDriver(new FakeWorld());
        try {
            assertTrue(execute("svc:validate --config " + config).endsWith(": valid\n"));
            assertTrue(execute("svc:print-keywords container.itest").contains("container.itest  image"));
        } finally {
            registration.unregister();
        }
        assertFails("svc:validate --config " + config, "unknown type 'itest'");
    }

    /** The console and bin/nestor share one store: what one writes, the other reads. */
    @Test
    public void binNestorSeesWhatTheConsoleWrote() throws Exception {
        execute("svc:create --config " + file("shared", WEB) + " itshared");
        Process nestor = new ProcessBuilder(base().resolve("bin/nestor").toString(), "svc", "print-config",
                "itshared", "--eval").redirectErrorStream(true).start();
        nestor.getOutputStream().close();
        String output = new String(nestor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(nestor.waitFor(30, TimeUnit.SECONDS));
        assertEquals(output, 0, nestor.exitValue());
        assertTrue(output, output.contains("start = /bin/echo itshared on hv1"));
        execute("svc:delete itshared");
    }

    @Test
    public void consoleCompletesServiceNamesAndKeywords() throws IOException {
        execute("svc:create --config " + file("complete", WEB) + " itcomplete");
        try {
            assertTrue(complete("svc:delete itcom").contains("itcomplete"));
            List<String> keywords = complete("svc:set --kw app#1.sta");
            assertTrue(keywords.toString(), keywords.contains("app#1.start="));
            assertTrue(complete("svc:print-keywords cont").contains("container.lxc"));
            assertTrue(complete("svc:print-keywords DEF").contains("DEFAULT"));
        } finally {
            execute("svc:delete itcomplete");
        }
    }

    /** What the console offers on TAB at the end of the line. */
    private List<String> complete(String line) {
        String name = line.substring(0, line.indexOf(' '));
        try (Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), System.out, System.err)) {
            Command command = session.getRegistry().getCommands().stream()
                    .filter(c -> (c.getScope() + ":" + c.getName()).equals(name)).findFirst().orElseThrow();
            List<String> candidates = new ArrayList<>();
            String[] words = line.split(" ");
            command.getCompleter(true).complete(session, new CommandLineImpl(words, words.length - 1,
                    words[words.length - 1].length(), line.length(), line), candidates);
            return candidates.stream().map(String::strip).toList();
        }
    }

    private void assertFails(String command, String expected) {
        try {
            String output = execute(command);
            fail(command + " succeeded: " + output);
        } catch (CommandFailed e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
