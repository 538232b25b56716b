package io.ctimw.bench.chaos.client;

/** Hostile traffic that runs in the background while a probe measures everyone else. */
public interface Attack extends AutoCloseable {
    /** What was thrown at the service, e.g. "200 connections of wrong-password logins". */
    String describe();

    /** How the service answered the attack itself. */
    StatusCounts answers();

    @Override
    void close() throws InterruptedException;
}
