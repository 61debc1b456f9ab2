package org.nestor.core.spi;

import java.util.List;

import org.nestor.core.config.Keyword;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A resource driver: one type of one resource group, for example {@code container.kvm} or
 * {@code ip.host}. The keywords it declares become valid in sections of its type, show in
 * {@code svc:print-keywords} and are checked by {@code svc:validate}, and the action engine uses it
 * for the resources of its type, from the moment the driver service appears until it leaves.
 * {@link #group()} and {@link #type()} are its identity, {@code <group>.<type>}: no service
 * property repeats them.
 */
@ConsumerType
public interface ResourceDriver {

    /** The resource group: ip, disk, fs, container, app, sync or task. */
    String group();

    /** The value of the {@code type} keyword that selects this driver within its group. */
    String type();

    /** Other values of {@code type} that select this driver (e.g. {@code oci} for docker). */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * The keywords of this type, beyond those every resource has. Their {@code section} is the
     * group and their {@code type} this driver's type.
     */
    List<Keyword> keywords();

    /**
     * What is wrong with a literal value of one of this driver's keywords beyond its value type
     * (an unsupported flag in an argument vector...), as {@code svc:validate} reports it; null when
     * nothing is. Values holding references are checked when the resource is made.
     */
    default String checkValue(String keyword, String value) {
        return null;
    }

    /** Makes the handle of one resource of this type from its evaluated section. */
    Resource create(ResourceContext context) throws ResourceException;
}
