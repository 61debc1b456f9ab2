package org.nestor.core.store;

/** Where a stored configuration came from: what its listeners need to know to act on a change. */
public enum ChangeOrigin {
    /** Created or edited on this node (svc create, set, unset). */
    EDIT,
    /** Pulled from one of the service's guests: an edit made inside it. */
    GUEST,
    /** Pushed by, or pulled from, a peer of the pool, which gives it to the other peers itself. */
    PEER
}
