/** The service configuration store of a node: one INI file per service, written atomically under a lock. */
@Version("0.4.0")
package org.nestor.core.store;

import org.osgi.annotation.versioning.Version;
