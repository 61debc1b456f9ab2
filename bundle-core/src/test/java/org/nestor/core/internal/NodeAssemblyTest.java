package org.nestor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nestor.core.action.ActionLayer;
import org.nestor.core.action.ForwardingServiceActions;
import org.nestor.core.action.ServiceActions;
import org.nestor.core.config.NodeIdentity;
import org.nestor.core.internal.action.ServiceEngine;
import org.nestor.core.internal.app.AppDriver;
import org.nestor.core.store.ServiceStore;
import org.nestor.core.sync.ConfigSync;

/** The node bin/nestor puts together: the configured base and lock timeout, at most one action layer. */
class NodeAssemblyTest {

    @TempDir
    Path home;

    /** A layer as bundle-encap's is: forwarding actions over the engine. */
    static final class Layer implements ActionLayer {
        @Override
        public ServiceActions over(ServiceActions engine, ServiceStore store, ConfigSync sync) {
            return new Over(engine);
        }
    }

    static final class Over extends ForwardingServiceActions {
        final ServiceActions engine;

        Over(ServiceActions engine) {
            this.engine = engine;
        }

        @Override
        protected ServiceActions delegate() {
            return engine;
        }
    }

    private static CoreConfiguration core(String base, long lockTimeout) {
        return new CoreConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CoreConfiguration.class;
            }

            @Override
            public String base() {
                return base;
            }

            @Override
            public long lockTimeout() {
                return lockTimeout;
            }
        };
    }

    private NodeAssembly node(CoreConfiguration core, List<ActionLayer> layers) {
        return new NodeAssembly(core, home, Map.of("NESTOR_NODE", "hv1"), services -> List.of(new AppDriver()), layers);
    }

    @Test
    void noLayerLeavesTheEngineAndOneLayerGoesOverIt() {
        assertInstanceOf(ServiceEngine.class, node(core("", 60), List.of()).services().get(ServiceActions.class));
        Over over = assertInstanceOf(Over.class,
                node(core("", 60), List.of(new Layer())).services().get(ServiceActions.class));
        assertInstanceOf(ServiceEngine.class, over.engine, "one layer, right over the engine");
    }

    @Test
    void atMostOneActionLayer() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> node(core("", 60), List.of(new Layer(), new Layer())));
        assertEquals("more than one action layer installed (" + Layer.class.getName() + ", " + Layer.class.getName()
                + "); Nestor puts at most one over the engine", e.getMessage());
    }

    @Test
    void theConfiguredBaseWinsOverTheHome(@TempDir Path elsewhere) {
        ServiceStore store = (ServiceStore) node(core(elsewhere.toString(), 60), List.of()).services()
                .get(ServiceStore.class);
        assertEquals(elsewhere.resolve("etc/nestor/services"), store.servicesDirectory());
        store = (ServiceStore) node(core(" ", 60), List.of()).services().get(ServiceStore.class);
        assertEquals(home.resolve("etc/nestor/services"), store.servicesDirectory());
        assertEquals("hv1", ((NodeIdentity) node(core("", 60), List.of()).services().get(NodeIdentity.class)).name());
    }

    @Test
    void karafComponentsReadTheSameConfiguration() {
        assertEquals(java.time.Duration.ofSeconds(7), NodeAssembly.lockTimeout(core("", 7)));
        assumeTrue(System.getProperty("karaf.base") == null, "outside Karaf");
        assertEquals(Path.of(".").toAbsolutePath().normalize(), NodeAssembly.paths(core("", 7)).base());
    }
}
