/**
 * The pool: the peers of this node (other Nestor nodes reached over SSH, each through its Karaf
 * console or its own {@code bin/nestor}), kept in {@code etc/nestor/pool.json}, and what a node
 * tells its peers about itself ({@link org.nestor.core.pool.NodeInfo}).
 */
@Version("0.4.0")
package org.nestor.core.pool;

import org.osgi.annotation.versioning.Version;
