package io.ctimw.core.model;

/** Why an open event stream ended; the client resumes by cursor after any of them but a logout. */
public enum StreamEnd {
    /** The session logged out. */
    LOGGED_OUT,
    /** The session ended otherwise: expired, ended or blocked by an administrator, its password changed. */
    SESSION_ENDED,
    /** The account lost the {@code events} grant. */
    FORBIDDEN,
    /** The client fell further behind than the stream may buffer. */
    SLOW_CONSUMER,
    /** The events could not be read (the database is down). */
    UNAVAILABLE,
    /** The server is stopping. */
    SHUTDOWN,
    /** The client went away (nothing is sent: nobody is listening). */
    CLIENT_GONE
}
