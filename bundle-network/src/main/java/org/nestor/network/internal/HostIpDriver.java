package org.nestor.network.internal;

import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code ip.host}: a service address on one of this node's interfaces. */
@Component(service = ResourceDriver.class)
public class HostIpDriver extends DriverSupport {

    static final String TYPE = "host";

    public HostIpDriver() {
        super(IpKeywords.GROUP, TYPE, IpKeywords.common(TYPE, "The node's interface that carries the address (eth0, "
                + "br0, bond0)"), HostIp::new);
    }

    @Override
    public String checkValue(String keyword, String value) {
        return IpKeywords.check(keyword, value);
    }
}
