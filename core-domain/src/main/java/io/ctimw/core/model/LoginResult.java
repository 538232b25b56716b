package io.ctimw.core.model;

/** The outcome of a login attempt; a rejection never says whether the login or the password was wrong. */
public sealed interface LoginResult {
    record LoggedIn(Session session, SessionToken token) implements LoginResult {}

    record Rejected() implements LoginResult {}

    /** Too many logins are being checked right now (bcrypt is deliberately slow); try again shortly. */
    record Busy() implements LoginResult {}
}
