package org.nestor.bench;

import java.nio.file.Path;
import java.util.Map;

import org.nestor.core.spi.ResourceContext;
import org.nestor.core.spi.ResourceLog;

/** The evaluated keywords a service would hand a driver, for benchmarks of one resource. */
record MapContext(String rid, Map<String, Object> values, Path dataDirectory) implements ResourceContext {

    private static final ResourceLog SILENT = new ResourceLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void error(String message) {
        }
    };

    @Override
    public String service() {
        return "bench";
    }

    @Override
    public String node() {
        return "bench1";
    }

    @Override
    public Object value(String keyword) {
        return values.get(keyword);
    }

    @Override
    public ResourceLog log() {
        return SILENT;
    }
}
