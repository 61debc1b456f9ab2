package org.nestor.core.config;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The node a configuration is evaluated for.
 *
 * @param nodename        this node, or the impersonated one
 * @param clusterNodes    the pool's nodes, for {@code {clusternodes}}
 * @param clusterDrpNodes the pool's DR nodes, for {@code {clusterdrpnodes}}
 * @param environment     the OS environment lookup for {@code {env.X}} (returns null when unset)
 */
public record EvaluationContext(String nodename, List<String> clusterNodes, List<String> clusterDrpNodes,
                                UnaryOperator<String> environment) {

    public EvaluationContext {
        clusterNodes = List.copyOf(clusterNodes);
        clusterDrpNodes = List.copyOf(clusterDrpNodes);
    }

    /** The context of this node, or of {@code impersonate} when it is given. */
    public static EvaluationContext of(NodeIdentity node, String impersonate) {
        String name = impersonate == null || impersonate.isBlank() ? node.name() : impersonate.strip();
        return new EvaluationContext(name, node.clusterNodes(), node.clusterDrpNodes(), System::getenv);
    }
}
