package io.ctimw.adapters.http;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Password;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** A login body, validated at the edge: exactly {@code login} and {@code password}, both strings. */
record LoginRequest(Login login, Password password) {
    private static final Set<String> FIELDS = Set.of("login", "password");

    /**
     * @throws ProblemException 400 for anything but {@code {"login": <valid login>, "password": <1-72 bytes>}};
     *                          details never repeat the password
     */
    public static LoginRequest from(Map<String, Object> body) {
        if (!body.keySet().equals(FIELDS)) {
            throw bad("the body must have exactly the fields 'login' and 'password'");
        }
        if (!(body.get("login") instanceof String login) || !Login.isValid(login)) {
            throw bad("'login' must be a string of 1-" + Login.MAX_LENGTH + " letters, digits and . _ @ + -");
        }
        if (!(body.get("password") instanceof String password) || password.isEmpty()
                || password.getBytes(StandardCharsets.UTF_8).length > Password.MAX_BYTES) {
            throw bad("'password' must be a non-empty string of at most " + Password.MAX_BYTES + " UTF-8 bytes");
        }
        return new LoginRequest(new Login(login), new Password(password));
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }
}
