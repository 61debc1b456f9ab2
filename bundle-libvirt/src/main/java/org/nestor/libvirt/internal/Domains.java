package org.nestor.libvirt.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.libvirt.Domain;
import org.nestor.core.spi.ResourceException;

/** The domains of a libvirt URI, through the connections domains use (libvirt:domains). */
public final class Domains {

    public static final String DEFAULT_URI = "qemu:///system";

    private Domains() {
    }

    /** One domain: its id (-1 when not running), name and state as virsh says it. */
    public record Row(int id, String name, String state) {
    }

    public static List<Row> list(LibvirtConnections connections, String uri) throws ResourceException {
        return connections.call(uri, connect -> {
            List<Row> rows = new ArrayList<>();
            for (Domain domain : connect.listAllDomains(0)) {
                rows.add(new Row(domain.getID(), domain.getName(), DomainResource.label(domain.getInfo().state)));
            }
            rows.sort(Comparator.comparing(Row::name));
            return rows;
        });
    }
}
