package org.nestor.libvirt.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.jna.Pointer;

import org.libvirt.Connect;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.nestor.core.spi.ResourceException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * One libvirt connection per URI, shared by every domain of that URI its owner reaches, dropped
 * and opened again when a call fails for a connection reason. libvirt's own printing of errors on
 * stderr is silenced: each error reaches the caller as an exception, and from there the resource log.
 * In Karaf it is a component that the kvm, xen and libvirt drivers and libvirt:domains share (the
 * test driver keeps its state per connection), and that closes its connections when it goes;
 * outside OSGi each driver owns one.
 */
@Component(service = LibvirtConnections.class)
public final class LibvirtConnections {

    private static final Set<ErrorNumber> CONNECTION_ERRORS = EnumSet.of(ErrorNumber.VIR_ERR_NO_CONNECT,
            ErrorNumber.VIR_ERR_INVALID_CONN, ErrorNumber.VIR_ERR_SYSTEM_ERROR, ErrorNumber.VIR_ERR_RPC,
            ErrorNumber.VIR_ERR_AUTH_FAILED);

    /** Kept referenced: JNA would collect a callback libvirt still calls. */
    private static final Libvirt.VirErrorCallback QUIET = (Pointer data, virError error) -> { };

    private final Map<String, Connect> connections = new ConcurrentHashMap<>();

    public LibvirtConnections() {
    }

    /** A call on a connection, which may throw what libvirt throws. */
    @FunctionalInterface
    interface Call<T> {
        T on(Connect connect) throws LibvirtException;
    }

    /**
     * Runs a call on the URI's connection; a connection failure drops it and the call is tried once
     * more on a new one.
     */
    <T> T call(String uri, Call<T> call) throws ResourceException {
        for (int attempt = 0; ; attempt++) {
            Connect connect = open(uri);
            try {
                return call.on(connect);
            } catch (LibvirtException e) {
                if (attempt == 0 && CONNECTION_ERRORS.contains(e.getError().getCode())) {
                    drop(uri, connect);
                    continue;
                }
                throw new ResourceException(uri + ": " + e.getError().getMessage(), e);
            }
        }
    }

    private Connect open(String uri) throws ResourceException {
        Connect existing = connections.get(uri);
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            Connect again = connections.get(uri);
            if (again != null) {
                return again;
            }
            try {
                Connect.setErrorCallback(QUIET);
                Connect connect = new Connect(uri);
                connections.put(uri, connect);
                return connect;
            } catch (LibvirtException e) {
                throw new ResourceException("cannot connect to " + uri + ": " + e.getError().getMessage(), e);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new ResourceException("libvirt is not installed on this node (libvirt0): " + e.getMessage(), e);
            }
        }
    }

    private void drop(String uri, Connect connect) {
        if (connections.remove(uri, connect)) {
            closeQuietly(connect);
        }
    }

    @Deactivate
    void closeAll() {
        connections.forEach(this::drop);
    }

    private static void closeQuietly(Connect connect) {
        try {
            connect.close();
        } catch (LibvirtException e) {
            // a broken connection closes badly; it is gone all the same
        }
    }
}
