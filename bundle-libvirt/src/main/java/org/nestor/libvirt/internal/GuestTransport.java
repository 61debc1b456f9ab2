package org.nestor.libvirt.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.nestor.core.spi.CommandResult;
import org.nestor.core.spi.ResourceException;

/** How commands and files reach a domain's guest: SSH or the QEMU guest agent. */
interface GuestTransport {

    /** Runs argv in the guest; 255 when the guest cannot be joined. */
    CommandResult exec(List<String> argv, byte[] stdin, Duration timeout);

    void copyIn(Path local, String guestPath) throws ResourceException;

    void copyOut(String guestPath, Path local) throws ResourceException;
}
