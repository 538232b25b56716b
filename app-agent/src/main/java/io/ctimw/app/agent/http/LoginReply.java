package io.ctimw.app.agent.http;

/** What POST /login hands back: the bearer token for later calls. */
public record LoginReply(String token, String login, String expiresAt) {
}
