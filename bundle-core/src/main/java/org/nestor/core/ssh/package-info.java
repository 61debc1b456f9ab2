/**
 * Commands over SSH (JSch) for everything that reaches another machine: pool peers, VM guests.
 * Host keys are checked against a known_hosts file and never learnt silently; keys only.
 */
@Version("0.3.0")
package org.nestor.core.ssh;

import org.osgi.annotation.versioning.Version;
