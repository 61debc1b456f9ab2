package org.nestor.core.config;

/** Where a keyword may be written and where its value is looked up. */
public enum Inheritance {
    /** Only in the resource's own section. */
    LEAF,
    /** Only in DEFAULT (node lists, topology, ...). */
    HEAD,
    /** In the resource's section, falling back to DEFAULT when the section has no variant of it. */
    LEAF_HEAD;

    public String label() {
        return switch (this) {
            case LEAF -> "leaf";
            case HEAD -> "head";
            case LEAF_HEAD -> "leaf > head";
        };
    }
}
