package io.ctimw.bench.client;

/** A logged-in benchmark agent: its login and bearer token. */
public record Agent(String login, String token) {
}
