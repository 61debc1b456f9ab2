/**
 * The synchronisation of service configurations between this node and the parties that hold a
 * copy: pool peers and guests, one rule for both.
 */
@Version("0.2.0")
package org.nestor.core.sync;

import org.osgi.annotation.versioning.Version;
