/**
 * Service configuration: the INI/JSON model, the keyword dictionary and the evaluation of
 * scoped keywords and references for a node.
 */
@Version("0.2.0")
package org.nestor.core.config;

import org.osgi.annotation.versioning.Version;
