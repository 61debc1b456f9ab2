/** Actions on services (start, stop, restart), their options, and the status of services. */
@Version("0.6.0")
package org.nestor.core.action;

import org.osgi.annotation.versioning.Version;
