package org.nestor.libvirt.internal;

import org.libvirt.DomainInfo.DomainState;

/** The libvirt-backed container types: their keyword value, default URI and what counts as up. */
enum DomainType {
    KVM("kvm", "qemu:///system"),
    /** A Xen domain that has nothing to run is "idle" (blocked) and still up. */
    XEN("xen", "xen:///system"),
    /** Any other hypervisor libvirt speaks (vbox, esx, openvz, test...): the uri keyword is required. */
    LIBVIRT("libvirt", null);

    private final String type;
    private final String defaultUri;

    DomainType(String type, String defaultUri) {
        this.type = type;
        this.defaultUri = defaultUri;
    }

    String type() {
        return type;
    }

    String defaultUri() {
        return defaultUri;
    }

    boolean isUp(DomainState state) {
        return state == DomainState.VIR_DOMAIN_RUNNING || this == XEN && state == DomainState.VIR_DOMAIN_BLOCKED;
    }
}
