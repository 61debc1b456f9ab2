package org.nestor.network.internal;

import java.net.InetAddress;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ResourceException;
import org.nestor.core.spi.ResourceLog;

/**
 * One address on one interface of a namespace: present or not, checked free on the link before
 * it is plumbed (arping's duplicate address detection; ping where arping is missing or for IPv6),
 * announced after (gratuitous ARP, so that the neighbours' caches follow a moved address), with
 * an optional default route through a gateway.
 */
final class Plumbing {

    /** arping -D exit codes: the address answered (in use), nobody answered (free). */
    private static final int ANSWERED = 0;
    private static final int UNANSWERED = 1;

    private final Namespace namespace;
    private final String device;
    private final InetAddress address;
    private final int prefix;
    private final String gateway;
    private final ResourceLog log;

    Plumbing(Namespace namespace, String device, InetAddress address, int prefix, String gateway, ResourceLog log) {
        this.namespace = namespace;
        this.device = device;
        this.address = address;
        this.prefix = prefix;
        this.gateway = gateway;
        this.log = log;
    }

    /** {@code 10.0.0.5/24 on eth0}, with the name when the address was given by name. */
    static String label(Plumbing plumbing, String ipname, String device) {
        return plumbing.cidr() + " on " + device + (ipname.equals(plumbing.address.getHostAddress()) ? ""
                : " (" + ipname + ")");
    }

    String cidr() {
        return address.getHostAddress() + "/" + prefix;
    }

    boolean deviceExists() {
        return namespace.run(List.of("ip", "link", "show", "dev", device)).succeeded();
    }

    boolean present() {
        CommandResult shown = namespace.run(List.of("ip", "-o", "addr", "show", "dev", device));
        String wanted = " " + address.getHostAddress() + "/";
        return shown.succeeded() && shown.stdout().lines().anyMatch(line -> line.contains(wanted));
    }

    /** @throws ResourceException when another host answers for the address */
    void requireFree() throws ResourceException {
        String ip = address.getHostAddress();
        if (!Addresses.isV6(address)) {
            CommandResult arping = namespace.run(List.of("arping", "-D", "-c", "2", "-w", "2", "-i", device, ip));
            if (arping.exitCode() == ANSWERED) {
                throw new ResourceException(ip + " is in use on the link of " + device + namespace.where()
                        + " (arping answered): not plumbed");
            }
            if (arping.exitCode() == UNANSWERED) {
                return;
            }
            log.warn("arping could not check " + ip + " (" + arping.reason() + "): ping instead");
        }
        if (namespace.run(List.of("ping", "-c", "1", "-W", "1", ip)).succeeded()) {
            throw new ResourceException(ip + " is in use (it answers ping): not plumbed");
        }
    }

    void plumb() throws ResourceException {
        log.info("ip addr add " + cidr() + " dev " + device + namespace.where());
        namespace.check(List.of("ip", "addr", "add", cidr(), "dev", device));
    }

    /** Gratuitous ARP; a failure is said, not fatal: the address is up. */
    void announce() {
        if (Addresses.isV6(address)) {
            return;
        }
        String ip = address.getHostAddress();
        CommandResult arping = namespace.run(List.of("arping", "-U", "-c", "1", "-i", device, "-S", ip, ip));
        if (arping.exitCode() != ANSWERED && arping.exitCode() != UNANSWERED) {
            log.warn("gratuitous ARP for " + ip + " not sent: " + arping.reason());
        }
    }

    void route() throws ResourceException {
        if (gateway != null && !gateway.isBlank()) {
            log.info("ip route replace default via " + gateway + " dev " + device + namespace.where());
            namespace.check(List.of("ip", "route", "replace", "default", "via", gateway, "dev", device));
        }
    }

    void unplumb() throws ResourceException {
        log.info("ip addr del " + cidr() + " dev " + device + namespace.where());
        namespace.check(List.of("ip", "addr", "del", cidr(), "dev", device));
    }

    /** The prefix of the device's first address of the same family, for a resource without netmask. */
    static int devicePrefix(Namespace namespace, String device, InetAddress address) throws ResourceException {
        CommandResult shown = namespace.run(List.of("ip", "-o", Addresses.isV6(address) ? "-6" : "-4", "addr", "show",
                "dev", device));
        for (String line : shown.stdout().lines().toList()) {
            String[] words = line.strip().split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].startsWith("inet") && words[i + 1].contains("/")) {
                    return Integer.parseInt(words[i + 1].substring(words[i + 1].indexOf('/') + 1));
                }
            }
        }
        throw new ResourceException("netmask: not set, and " + device + namespace.where() + " has no address to take "
                + "its prefix from");
    }
}
