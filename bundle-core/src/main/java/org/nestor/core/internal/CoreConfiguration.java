package org.nestor.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the core components (PID {@value #PID}, file {@code etc/org.nestor.core.cfg}). */
@ObjectClassDefinition(name = "Nestor core", description = "Where Nestor keeps its files and how long it waits")
public @interface CoreConfiguration {

    String PID = "org.nestor.core";

    @AttributeDefinition(description = "Directory holding etc/nestor and data/nestor; empty for the Karaf base")
    String base() default "";

    @AttributeDefinition(description = "Seconds a configuration change waits for the service lock")
    long lockTimeout() default 60;

}
