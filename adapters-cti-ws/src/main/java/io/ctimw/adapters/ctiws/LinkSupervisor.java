package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.Backoff;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.port.out.CtiListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one initialised connection to the CTI: connects, sets the protocol version, routes what the
 * socket reads, notices the loss and reconnects with backoff until stopped. The state it moves through
 * is {@link LinkState}'s.
 */
final class LinkSupervisor implements CtiSocket.Events {
    private static final Logger LOG = LoggerFactory.getLogger(LinkSupervisor.class);
    /** How long a stop waits for the CTI to answer its close frame. */
    private static final Duration STOP_DRAIN = Duration.ofSeconds(2);

    private final CtiLinkSettings settings;
    private final Backoff backoff;
    private final LinkParts parts;
    private final LinkState state;
    private final ScheduledThreadPoolExecutor timer;

    LinkSupervisor(CtiLinkSettings settings, Backoff backoff, LinkParts parts) {
        this.settings = settings;
        this.backoff = backoff;
        this.parts = parts;
        this.state = new LinkState(parts.pending());
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cti-link-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    void start(CtiListener listener) {
        state.begin(listener);
        connect();
    }

    boolean isReady() {
        return state.isReady();
    }

    /** Registers and writes a command if the link is ready; else it is LinkDown at once, unsent. */
    CompletableFuture<CtiReply> submit(String rid, String name, String text) {
        LinkState.Registered registered = state.register(null, rid, name);
        if (registered == null) {
            return CompletableFuture.completedFuture(new CtiReply.LinkDown("CTI link not ready"));
        }
        write(registered.socket(), rid, text);
        return registered.reply();
    }

    void stop() {
        LinkState.Lost lost = state.stop();
        if (lost == null) {
            return;
        }
        state.settle(lost);
        if (lost.socket() != null && !lost.socket().isOpen()) {
            lost.socket().close(CloseFrame.GOING_AWAY, "client stopping"); // an attempt: nothing to drain
        } else if (lost.socket() != null) {
            lost.socket().closeAfterPeer(CloseFrame.GOING_AWAY, "client stopping");
            // Bounded wait for the close handshake: the events the CTI sent before it saw our close frame reach
            // the journal before the journal is drained.
            if (!lost.socket().awaitClosed(STOP_DRAIN)) {
                LOG.warn("CTI link did not finish closing within {} ms", STOP_DRAIN.toMillis());
                lost.socket().close(CloseFrame.GOING_AWAY, "client stopping");
            }
        }
        timer.shutdownNow();
        LOG.info("CTI link to {} stopped", settings.url());
    }

    /** True once stopped and no retry can run any more (the retry timer has terminated). */
    boolean awaitStopped(long millis) throws InterruptedException {
        return timer.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    private void write(CtiSocket target, String rid, String text) {
        try {
            target.send(text);
        } catch (WebsocketNotConnectedException e) {
            // The close callback fails everything pending too; whichever comes first wins.
            parts.pending().complete(rid, () -> new CtiReply.LinkDown("CTI link closed while sending", true));
        }
    }

    private void connect() {
        CtiSocket attempt = new CtiSocket(settings, this);
        int number = state.attempt(attempt);
        if (number == 0) {
            return;
        }
        if (number > 1) {
            parts.counters().reconnects.incrementAndGet();
        }
        LOG.info("CTI link connecting to {} (attempt {})", settings.url(), number);
        timer.schedule(() -> abortIfHanging(attempt), settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void abortIfHanging(CtiSocket attempt) {
        if (state.isCurrent(attempt) && !attempt.isOpen()) {
            attempt.abort("no handshake within " + settings.connectTimeout().toMillis() + " ms");
        }
    }

    private void onVersionReply(CtiSocket source, CtiReply reply) {
        if (reply instanceof CtiReply.Ok) {
            if (state.initialised(source)) {
                LOG.info("CTI link initialised: protocol version {} accepted", settings.protocolVersion());
            }
            state.deliver();
        } else if (!(reply instanceof CtiReply.LinkDown)) {
            LOG.error("CTI did not accept SetProtocolVersion {}: {}; closing to retry", settings.protocolVersion(),
                    Replies.describe(reply));
            source.close(CloseFrame.NORMAL, "protocol version not accepted");
        }
    }

    @Override
    public void onOpen(CtiSocket source) {
        String rid = parts.rids().next();
        LinkState.Registered version = state.register(source, rid, "SetProtocolVersion");
        if (version == null) {
            source.close(CloseFrame.GOING_AWAY, "superseded");
            return;
        }
        LOG.info("CTI link connected to {} (subprotocol {}); setting protocol version {}", settings.url(),
                source.getProtocol(), settings.protocolVersion());
        // Registered before the write, so the callback runs on the reader thread as the Ok is read,
        // before any later frame: events of the new connection always follow onLinkUp.
        version.reply().thenAccept(answer -> onVersionReply(source, answer));
        write(source, rid, parts.codec().setProtocolVersion(rid, settings.protocolVersion()));
    }

    @Override
    public void onText(CtiSocket source, String text) {
        if (state.delivers(source)) {
            parts.router().onText(text, state.listener());
        }
    }

    @Override
    public void onBinary(CtiSocket source, int bytes) {
        if (state.delivers(source)) {
            parts.router().onBinary(bytes);
        }
    }

    @Override
    public void onClose(CtiSocket source, int code, String reason, boolean remote) {
        String why = Replies.closeReason(code, reason, remote);
        LinkState.Lost lost = state.closed(source, why);
        if (lost == null) {
            return; // an attempt we already gave up on, or the one stop() closed
        }
        long delay = backoff.delay(lost.failures() + 1).toMillis();
        boolean retrying = retryIn(delay);
        state.settle(lost);
        if (retrying) {
                LOG.warn("CTI link to {} {} ({}); retrying in {} ms", settings.url(),
                    source.wasOpened() ? "dropped" : "could not connect", why, delay);
        }
    }

    private boolean retryIn(long delayMillis) {
        try {
            timer.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // stopped meanwhile: no more attempts
        }
    }

    @Override
    public void onError(CtiSocket source, Exception error) {
        // A fatal error is followed by onClose, which logs the outcome once; this is detail.
        LOG.debug("CTI link error: {}", error.toString());
    }
}
