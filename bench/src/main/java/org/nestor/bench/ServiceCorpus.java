package org.nestor.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated service configurations of realistic shape: node lists with scopes, an env section and
 * app resources whose values use references, scoped variants, inheritance and $(expr).
 */
public final class ServiceCorpus {

    private ServiceCorpus() {
    }

    public static List<String> services(int count, int resources) {
        List<String> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            services.add(service(i, resources));
        }
        return services;
    }

    public static String service(int index, int resources) {
        StringBuilder ini = new StringBuilder()
                .append("[DEFAULT]\n")
                .append("nodes = hv1 hv2 hv3\n")
                .append("drpnodes = dr1\n")
                .append("encapnodes = vm").append(index % 4).append('\n')
                .append("nodes@encapnodes = vm").append(index % 4).append('\n')
                .append("flex_min@hv1 = 2\n")
                .append("orchestrate = ha\n")
                .append("timeout = 45s\n\n")
                .append("[env]\n")
                .append("port = ").append(8000 + index).append('\n')
                .append("root = /srv/svc").append(index).append('\n');
        for (int r = 0; r < resources; r++) {
            ini.append("\n[app#").append(r).append("]\n")
                    .append("start = /usr/bin/app --port $({env.port} + {rindex}) --root {env.root}/{rindex} --node {nodename}\n")
                    .append("stop = /usr/bin/pkill -f app.--port.$({env.port} + {rindex})\n")
                    .append("check = /usr/bin/pgrep -f {svcname}.{rid}\n")
                    .append("timeout@hv2 = 1m\n")
                    .append("optional@nodes = ").append(r % 2 == 0).append('\n')
                    .append("environment = NODE={nodename} RANK={rindex} NODES={#nodes} FIRST={upper:nodes[0]}\n")
                    .append("tags = web tier").append(r % 3).append('\n');
        }
        return ini.toString();
    }
}
