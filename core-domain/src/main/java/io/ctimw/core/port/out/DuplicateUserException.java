package io.ctimw.core.port.out;

/** Thrown by {@link UserStore#add} when the login is taken. */
public class DuplicateUserException extends RuntimeException {
    public DuplicateUserException(String login) {
        super("user already exists: " + login);
    }
}
