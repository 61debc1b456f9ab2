package org.nestor.network.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.nestor.core.spi.ResourceException;

/** Address and mask arithmetic of the ip resources, with errors naming the keyword. */
final class Addresses {

    private Addresses() {
    }

    /** The address {@code ipname} names: a literal address, or a name this node resolves. */
    static InetAddress resolve(String ipname) throws ResourceException {
        try {
            return InetAddress.getByName(ipname);
        } catch (UnknownHostException e) {
            throw new ResourceException("ipname: cannot resolve '" + ipname + "'");
        }
    }

    /**
     * What is wrong with a literal netmask (a prefix length or a dotted IPv4 mask), without the
     * keyword that validation puts first; null when nothing is.
     */
    static String checkNetmask(String netmask) {
        try {
            prefix(netmask, false);
            return null;
        } catch (ResourceException e) {
            return e.getMessage().substring("netmask: ".length());
        }
    }

    /**
     * The prefix length of {@code netmask}: {@code 24}, or {@code 255.255.255.0} for IPv4.
     *
     * @throws ResourceException naming the keyword when it is neither
     */
    static int prefix(String netmask, boolean ipv6) throws ResourceException {
        String value = netmask.strip();
        int longest = ipv6 ? 128 : 32;
        if (value.matches("\\d{1,3}")) {
            int prefix = Integer.parseInt(value);
            if (prefix > longest) {
                throw new ResourceException("netmask: " + prefix + " is longer than " + longest + " bits");
            }
            return prefix;
        }
        if (!ipv6 && value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            long bits = 0;
            for (String part : value.split("\\.")) {
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    throw new ResourceException("netmask: '" + netmask + "' is not a dotted mask");
                }
                bits = bits << 8 | octet;
            }
            int prefix = Long.numberOfLeadingZeros(~bits & 0xffffffffL) - 32;
            if ((bits << prefix & 0xffffffffL) != 0) {
                throw new ResourceException("netmask: '" + netmask + "' is not contiguous");
            }
            return prefix;
        }
        throw new ResourceException("netmask: '" + netmask + "' is neither a prefix length nor a dotted mask");
    }

    static boolean isV6(InetAddress address) {
        return !(address instanceof Inet4Address);
    }
}
