package io.ctimw.core.control;

import java.util.Objects;

/** One field of a command: its protocol name, type, and whether the agent must send it. */
public record FieldSpec(String name, FieldType type, boolean required) {
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static FieldSpec required(String name, FieldType type) {
        return new FieldSpec(name, type, true);
    }

    public static FieldSpec optional(String name, FieldType type) {
        return new FieldSpec(name, type, false);
    }
}
