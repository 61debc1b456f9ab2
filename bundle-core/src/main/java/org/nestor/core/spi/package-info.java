/**
 * What driver bundles implement. A driver is a whiteboard service registered with the
 * {@link org.nestor.core.spi.ResourceDriver#TYPE_PROPERTY} property, and is listed in
 * {@code META-INF/services/org.nestor.core.spi.ResourceDriver} so that {@code bin/nestor} finds it
 * without OSGi.
 */
@Version("0.4.0")
package org.nestor.core.spi;

import org.osgi.annotation.versioning.Version;
