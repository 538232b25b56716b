package io.ctimw.core.port.out;

import io.ctimw.core.model.CtiEvent;

/**
 * What the CTI link reports back to the core. Called on the link's reader thread: implementations
 * must not block (hand work to queues).
 */
public interface CtiListener {
    /** The link is connected and initialised (protocol version accepted); attachments must be redone. */
    void onLinkUp();

    /** The link dropped or failed to initialise; every attachment is lost. */
    void onLinkDown(String reason);

    /** A spontaneous event (no rid, or a rid this link does not know) about one login. */
    void onEvent(CtiEvent event);
}
