package org.nestor.docker.internal;

/** A container of a Nestor service as the engine lists it (docker:containers). */
public record ServiceContainer(String service, String rid, String name, String image, String state) {
}
