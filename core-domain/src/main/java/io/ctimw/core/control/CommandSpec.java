package io.ctimw.core.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A command agents may send: its NCC name and fields (besides rid, name and login, which we own). */
public record CommandSpec(String name, List<FieldSpec> fields) {
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    public static CommandSpec of(String name, FieldSpec... fields) {
        return new CommandSpec(name, List.of(fields));
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
