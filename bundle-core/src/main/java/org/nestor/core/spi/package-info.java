/**
 * What driver bundles implement, and what the core gives them. A driver is a whiteboard
 * {@link org.nestor.core.spi.ResourceDriver} service whose {@code group()} and {@code type()} are
 * its identity; its class is also listed in
 * {@code META-INF/services/org.nestor.core.spi.ResourceDriver}, only so that {@code bin/nestor}'s
 * ServiceLoader finds it without OSGi. A resource runs its tools through
 * {@link org.nestor.core.spi.ResourceContext#commands()}.
 */
@Version("0.5.0")
package org.nestor.core.spi;

import org.osgi.annotation.versioning.Version;
