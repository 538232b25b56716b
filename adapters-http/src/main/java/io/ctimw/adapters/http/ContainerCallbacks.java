package io.ctimw.adapters.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.WriteListener;

/**
 * What the servlet container tells an open response, reduced to two reactions: write what is ready, or
 * finish (the client went away, the container completed or failed the response).
 */
abstract class ContainerCallbacks implements WriteListener, AsyncListener {
    /** Writes what is ready, as far as the socket takes it. */
    abstract void pump();

    /** The response is over; idempotent. */
    abstract void finish();

    @Override
    public final void onWritePossible() {
        pump();
    }

    @Override
    public final void onError(Throwable failure) {
        finish();
    }

    @Override
    public final void onComplete(AsyncEvent event) {
        finish();
    }

    @Override
    public final void onError(AsyncEvent event) {
        finish();
    }

    @Override
    public final void onTimeout(AsyncEvent event) {
        finish();
    }

    @Override
    public final void onStartAsync(AsyncEvent event) {
        // never restarted
    }
}
