package org.nestor.network.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nestor.core.spi.ResourceException;

class AddressesTest {

    @Test
    void netmasksAreReadAsPrefixesOrDottedMasks() throws ResourceException {
        assertEquals(24, Addresses.prefix("24", false));
        assertEquals(24, Addresses.prefix("255.255.255.0", false));
        assertEquals(20, Addresses.prefix(" 255.255.240.0 ", false));
        assertEquals(0, Addresses.prefix("0.0.0.0", false));
        assertEquals(32, Addresses.prefix("255.255.255.255", false));
        assertEquals(64, Addresses.prefix("64", true));
    }

    @Test
    void badNetmasksAreRefusedNamingTheKeyword() {
        assertEquals("netmask: 33 is longer than 32 bits",
                assertThrows(ResourceException.class, () -> Addresses.prefix("33", false)).getMessage());
        assertEquals("netmask: '255.0.255.0' is not contiguous",
                assertThrows(ResourceException.class, () -> Addresses.prefix("255.0.255.0", false)).getMessage());
        assertEquals("netmask: '255.256.0.0' is not a dotted mask",
                assertThrows(ResourceException.class, () -> Addresses.prefix("255.256.0.0", false)).getMessage());
        assertEquals("'ffff::' is neither a prefix length nor a dotted mask", Addresses.checkNetmask("ffff::"));
        assertNull(Addresses.checkNetmask("16"));
    }

    @Test
    void namesThatDoNotResolveAreRefused() throws ResourceException {
        assertEquals("10.1.2.3", Addresses.resolve("10.1.2.3").getHostAddress());
        assertEquals("ipname: cannot resolve 'no-such-host.invalid'",
                assertThrows(ResourceException.class, () -> Addresses.resolve("no-such-host.invalid")).getMessage());
    }

    @Test
    void netnsValuesAreChecked() {
        assertEquals("'vlan' is not one of bridge, ipvlan-l2, macvlan", NetnsIpDriver.check("mode", "vlan"));
        assertEquals("'host' is not a container resource (container#N)", NetnsIpDriver.check("netns", "host"));
        assertNull(NetnsIpDriver.check("netns", "container#1"));
        assertEquals("'x' is neither a prefix length nor a dotted mask", NetnsIpDriver.check("netmask", "x"));
    }
}
