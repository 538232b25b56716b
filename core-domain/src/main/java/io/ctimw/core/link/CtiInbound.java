package io.ctimw.core.link;

import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.port.out.CtiListener;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * Routes what the CTI link reports: an event updates its login's calls and is queued for storage;
 * link state changes drive re-attachment. Runs on the link's reader thread: nothing here blocks.
 */
public final class CtiInbound implements CtiListener {
    private static final System.Logger LOG = System.getLogger(CtiInbound.class.getName());

    private final CallRegistry calls;
    private final Consumer<CtiEvent> journal;
    private final PhoneAttachments attachments;

    public CtiInbound(CallRegistry calls, Consumer<CtiEvent> journal, PhoneAttachments attachments) {
        this.calls = calls;
        this.journal = journal;
        this.attachments = attachments;
    }

    @Override
    public void onLinkUp() {
        attachments.linkUp();
    }

    @Override
    public void onLinkDown(String reason) {
        LOG.log(Level.WARNING, "CTI link down: {0}", reason);
        attachments.linkDown(reason);
    }

    @Override
    public void onEvent(CtiEvent event) {
        calls.apply(event);
        journal.accept(event);
    }
}
