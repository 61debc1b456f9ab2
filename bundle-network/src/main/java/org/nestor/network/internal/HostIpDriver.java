package org.nestor.network.internal;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.spi.Resource;
import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceDriver;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;

/** {@code ip.host}: a service address on one of this node's interfaces. */
@Component(service = ResourceDriver.class, property = ResourceDriver.TYPE_PROPERTY + "=ip." + HostIpDriver.TYPE)
public class HostIpDriver implements ResourceDriver {

    static final String TYPE = "host";

    private static final List<Keyword> KEYWORDS = List.copyOf(IpKeywords.common(TYPE,
            "The node's interface that carries the address (eth0, br0, bond0)"));

    @Override
    public String group() {
        return IpKeywords.GROUP;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<Keyword> keywords() {
        return KEYWORDS;
    }

    @Override
    public String checkValue(String keyword, String value) {
        return IpKeywords.check(keyword, value);
    }

    @Override
    public Resource create(ResourceContext context) throws ResourceException {
        return new HostIp(context);
    }
}
