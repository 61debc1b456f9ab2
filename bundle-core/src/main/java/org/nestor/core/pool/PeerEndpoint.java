package org.nestor.core.pool;

import org.osgi.annotation.versioning.ProviderType;

/** What answers this node's peers: one request of the peer protocol in, its answer out. */
@ProviderType
public interface PeerEndpoint {

    /**
     * @param request the JSON document a peer sent ({@code pool serve} reads it on standard input)
     * @return the answer document: the result, or the error (another protocol version, a failed
     *         action, a missing service); never an exception
     */
    String answer(String request);
}
