package org.nestor.lxc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the LXC driver (PID {@value #PID}, file {@code etc/org.nestor.lxc.cfg}). */
@ObjectClassDefinition(name = "Nestor LXC driver", description = "Where the lxc tools are")
public @interface LxcConfiguration {

    String PID = "org.nestor.lxc";

    @AttributeDefinition(description = "Directory of lxc-start, lxc-stop, lxc-info, lxc-attach, lxc-create and "
            + "lxc-destroy; empty to take them from the PATH")
    String toolsDirectory() default "";
}
