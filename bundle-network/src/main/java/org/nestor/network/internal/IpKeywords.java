package org.nestor.network.internal;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.config.ValueType;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceException;

/** The keywords both ip types share, and their checks. */
final class IpKeywords {

    static final String GROUP = "ip";

    private IpKeywords() {
    }

    static List<Keyword> common(String type, String ipdevDescription) {
        List<Keyword> keywords = new ArrayList<>();
        keywords.add(keyword(type, "ipname", "The address: literal IPv4/IPv6, or a name this node resolves "
                + "(scope it, ipname@node1, for a flex instance's own address)"));
        keywords.add(keyword(type, "ipdev", ipdevDescription));
        keywords.add(keyword(type, "netmask", "Prefix length (24) or dotted IPv4 mask (255.255.255.0); default: the "
                + "prefix of the interface's own address"));
        keywords.add(keyword(type, "gateway", "Default route through this address once the address is up"));
        return keywords;
    }

    static Keyword keyword(String type, String name, String description) {
        return Keyword.of(GROUP, name, ValueType.STRING, description).forType(type).asScopable();
    }

    /** What is wrong with a literal value of a shared keyword, or null. */
    static String check(String keyword, String value) {
        return "netmask".equals(keyword) ? Addresses.checkNetmask(value) : null;
    }

    static String required(ResourceContext context, String keyword) throws ResourceException {
        String value = context.string(keyword);
        if (value == null || value.isBlank()) {
            throw new ResourceException(keyword + " is required");
        }
        return value.strip();
    }
}
