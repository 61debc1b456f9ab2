/**
 * The {@code svc:*} commands and their bases, which other bundles extend for commands of their own
 * (the same classes run in the Karaf console and in {@code bin/nestor}).
 */
@Version("0.1.0")
package org.nestor.core.command;

import org.osgi.annotation.versioning.Version;
