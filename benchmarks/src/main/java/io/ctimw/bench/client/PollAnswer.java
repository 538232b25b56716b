package io.ctimw.bench.client;

/**
 * One complete HTTP response on a long-poll connection, as much of it as the fleet needs.
 *
 * @param status the status code
 * @param cursor the {@code X-Cursor} header, or -1 if absent
 * @param body   the body as ISO-8859-1 text (the scanner looks for ASCII markers only), "" if none
 * @param close  whether the server said {@code Connection: close}
 */
record PollAnswer(int status, long cursor, String body, boolean close) {
}
