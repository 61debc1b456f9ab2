/** Status values, their merge algebra, and the status documents of resources and services. */
@Version("0.3.0")
package org.nestor.core.status;

import org.osgi.annotation.versioning.Version;
