package io.ctimw.core.model;

import java.util.Objects;

/** How an administrator's request on a user or a session ended; adapters switch over every case. */
public sealed interface AdminOutcome<T> {
    /** Done; {@code value} is the user or session as it is now. */
    record Done<T>(T value) implements AdminOutcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** No such user or session. */
    record NotFound<T>(String detail) implements AdminOutcome<T> {
    }

    /** The login is taken. */
    record Exists<T>(String detail) implements AdminOutcome<T> {
    }

    /** Refused: it would leave no enabled administrator. */
    record LastAdmin<T>(String detail) implements AdminOutcome<T> {
    }

    /**
     * A value the core refuses (a grant naming no command, a weak password); {@code detail} says why and
     * {@code field} names the request's member at fault ({@code password}, {@code grants}), when one is.
     */
    record Invalid<T>(String field, String detail) implements AdminOutcome<T> {
        public Invalid(String detail) {
            this(null, detail);
        }
    }
}
