package org.nestor.network.internal;

import java.util.ArrayList;
import java.util.List;

import org.nestor.core.config.Keyword;
import org.nestor.core.spi.DriverSupport;
import org.nestor.core.spi.ResourceDriver;
import org.osgi.service.component.annotations.Component;

/** {@code ip.netns}: a service address plumbed inside a container's network namespace. */
@Component(service = ResourceDriver.class)
public class NetnsIpDriver extends DriverSupport {

    static final String TYPE = "netns";
    static final List<String> MODES = List.of("bridge", "ipvlan-l2", "macvlan");

    public NetnsIpDriver() {
        super(IpKeywords.GROUP, TYPE, declareKeywords(), NetnsIp::new);
    }

    @Override
    public String checkValue(String keyword, String value) {
        return check(keyword, value);
    }

    /** What is wrong with a value of one of this type's keywords (the keyword not repeated), or null. */
    static String check(String keyword, String value) {
        if ("mode".equals(keyword) && !MODES.contains(value.strip())) {
            return "'" + value + "' is not one of " + String.join(", ", MODES);
        }
        if ("netns".equals(keyword) && !value.strip().startsWith("container#")) {
            return "'" + value + "' is not a container resource (container#N)";
        }
        return IpKeywords.check(keyword, value);
    }

    private static List<Keyword> declareKeywords() {
        List<Keyword> keywords = new ArrayList<>(IpKeywords.common(TYPE, "bridge mode: the host bridge the "
                + "container's interface joins; ipvlan-l2 and macvlan: the host interface it stacks on"));
        keywords.add(IpKeywords.keyword(TYPE, "netns", "The container whose namespace gets the address (container#N); "
                + "this resource starts after it and stops before it"));
        keywords.add(IpKeywords.keyword(TYPE, "mode", "bridge (a veth pair, one end in the host bridge), ipvlan-l2 or "
                + "macvlan (an interface stacked on ipdev)").withDefault(MODES.get(0))
                .withCandidates(MODES.toArray(String[]::new)));
        keywords.add(IpKeywords.keyword(TYPE, "nsdev", "The interface's name inside the container").withDefault("eth1"));
        return keywords;
    }
}
