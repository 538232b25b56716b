package io.ctimw.core.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** The API methods one user may use; {@code control:*} covers every {@code control:<Command>}. */
public record Grants(SortedSet<Grant> values) {
    /** Every method: what users had before grants existed, and the default for new users. */
    public static final Grants ALL = of(Grant.EVENTS, Grant.ALL_CONTROL);
    public static final Grants NONE = of();

    public Grants {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    public static Grants of(Grant... grants) {
        return of(java.util.List.of(grants));
    }

    public static Grants of(Collection<Grant> grants) {
        return new Grants(new TreeSet<>(grants));
    }

    /** Parses grant strings; @throws IllegalArgumentException naming the first malformed one */
    public static Grants parse(Collection<String> values) {
        TreeSet<Grant> grants = new TreeSet<>();
        for (String value : values) {
            grants.add(new Grant(value));
        }
        return new Grants(grants);
    }

    public boolean covers(Grant needed) {
        return values.contains(needed) || (needed.isControl() && values.contains(Grant.ALL_CONTROL));
    }

    /** The grants as strings, in order: how they are stored and shown. */
    public java.util.List<String> names() {
        return values.stream().map(Grant::value).toList();
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
