package org.nestor.libvirt.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.nestor.libvirt.internal.Domains;
import org.nestor.libvirt.internal.LibvirtConnections;

/** {@code libvirt:domains}: the domains of a libvirt URI with their state, as virsh list --all. */
@Service
@Command(scope = "libvirt", name = "domains", description = "Lists the domains of a libvirt hypervisor with their state")
public class DomainsCommand implements Action {

    @Option(name = "--uri", description = "libvirt URI (default: qemu:///system)")
    String uri = Domains.DEFAULT_URI;

    /** The drivers' connections: a test driver's domains show the state its services left them in. */
    @Reference
    LibvirtConnections connections;

    @Override
    public Object execute() throws Exception {
        List<Domains.Row> rows = Domains.list(connections, uri);
        String format = "%-5s %-32s %s%n";
        System.out.printf(format, "ID", "NAME", "STATE");
        for (Domains.Row row : rows) {
            System.out.printf(format, row.id() < 0 ? "-" : Integer.toString(row.id()), row.name(), row.state());
        }
        return null;
    }
}
