/**
 * Completers of the {@code svc:*} commands (service names, keywords, guests), for other bundles' commands too.
 */
@Version("0.1.0")
package org.nestor.core.command.completers;

import org.osgi.annotation.versioning.Version;
