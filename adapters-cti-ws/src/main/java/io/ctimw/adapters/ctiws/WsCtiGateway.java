package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.CtiListener;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket link to the NCC CTI API (protocol 13): connects, sets the protocol version,
 * matches replies to commands by rid, hands events to the listener and reconnects forever with
 * backoff until {@link #stop()}.
 */
public final class WsCtiGateway implements CtiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WsCtiGateway.class);

    private final CtiLinkSettings settings;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor timer;
    private final CtiJsonCodec codec = new CtiJsonCodec();
    private final RidGenerator rids = new RidGenerator();
    private final LinkCounters counters = new LinkCounters();
    private final PendingReplies pending;
    private final InboundRouter router;
    private final CtiSocket.Events callbacks = new Callbacks();

    // Link state changes and the listener's link callbacks happen under this lock, so onLinkUp and
    // onLinkDown are never reordered or doubled. The listener must not block (its contract).
    private final Object lock = new Object();
    private volatile CtiSocket socket; // the attempt in progress or the open link; written under lock
    private volatile boolean ready;
    private volatile CtiListener listener;
    private boolean stopped;
    private int attempts;
    private int failures; // consecutive attempts that did not initialise; reset on Ok to the version

    public WsCtiGateway(CtiLinkSettings settings) {
        this(settings, new Backoff(settings.reconnectMin(), settings.reconnectMax()));
    }

    WsCtiGateway(CtiLinkSettings settings, Backoff backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.backoff = backoff;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "cti-link-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // replies cancel most timeouts: do not keep them queued
        this.pending = new PendingReplies(timer, settings.replyTimeout());
        this.router = new InboundRouter(codec, pending, rids, counters);
    }

    @Override
    public void start(CtiListener listener) {
        synchronized (lock) {
            if (this.listener != null || stopped) {
                throw new IllegalStateException("the CTI link can be started once");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
        }
        connect();
    }

    @Override
    public CompletionStage<CtiReply> attach(Login login) {
        return logged("AttachToUser", login, send(login, "AttachToUser", Map.of()));
    }

    @Override
    public CompletionStage<CtiReply> detach(Login login) {
        return logged("DetachFromUser", login, send(login, "DetachFromUser", Map.of()));
    }

    @Override
    public CompletionStage<CtiReply> send(Login login, ControlCommand command) {
        Objects.requireNonNull(command, "command");
        return send(login, command.name(), command.fields());
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    /** The link's counters so far, for health and metrics. */
    public LinkStats stats() {
        return counters.snapshot();
    }

    @Override
    public void stop() {
        CtiSocket closing;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            closing = socket;
            socket = null;
            linkLost("stopped");
        }
        if (closing != null) {
            closing.close(CloseFrame.GOING_AWAY, "client stopping");
        }
        timer.shutdownNow();
        LOG.info("CTI link to {} stopped", settings.url());
    }

    private CompletionStage<CtiReply> send(Login login, String name, Map<String, Object> fields) {
        Objects.requireNonNull(login, "login");
        String rid = rids.next();
        String text = codec.command(rid, name, fields, login);
        CtiSocket target;
        CompletableFuture<CtiReply> reply;
        synchronized (lock) {
            if (!ready) {
                LOG.debug("{} for {} not sent: link not ready", name, login);
                return CompletableFuture.completedFuture(new CtiReply.LinkDown("CTI link not ready"));
            }
            target = socket;
            reply = pending.register(rid, name);
        }
        LOG.debug("-> {} rid={} login={}", name, rid, login);
        write(target, rid, text);
        // A copy: callers cannot complete our future, and their stages hang off theirs.
        return reply.copy();
    }

    private void write(CtiSocket target, String rid, String text) {
        try {
            target.send(text);
        } catch (WebsocketNotConnectedException e) {
            // The close callback completes everything pending too; whichever comes first wins.
            pending.complete(rid, () -> new CtiReply.LinkDown("CTI link closed while sending"));
        }
    }

    /** Attachments are rare and matter to operators: their outcome is logged at INFO. */
    private static CompletionStage<CtiReply> logged(String name, Login login, CompletionStage<CtiReply> stage) {
        stage.thenAccept(reply -> LOG.info("{} {} -> {}", name, login, Replies.describe(reply)));
        return stage;
    }

    private void connect() {
        CtiSocket attempt;
        int number;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            number = ++attempts;
            if (number > 1) {
                counters.reconnects.incrementAndGet();
            }
            attempt = new CtiSocket(settings, callbacks);
            socket = attempt;
            LOG.info("CTI link connecting to {} (attempt {})", settings.url(), number);
            // connect() only starts the socket's thread; inside the lock so stop() cannot slip in between.
            attempt.connect();
            timer.schedule(() -> abortIfHanging(attempt), settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void abortIfHanging(CtiSocket attempt) {
        if (attempt == socket && !attempt.isOpen()) {
            attempt.abort("no handshake within " + settings.connectTimeout().toMillis() + " ms");
        }
    }

    private void onVersionReply(CtiSocket source, CtiReply reply) {
        if (reply instanceof CtiReply.Ok) {
            synchronized (lock) {
                if (source != socket) {
                    return;
                }
                ready = true;
                failures = 0;
                LOG.info("CTI link initialised: protocol version {} accepted", settings.protocolVersion());
                listener.onLinkUp();
            }
        } else if (!(reply instanceof CtiReply.LinkDown)) {
            LOG.error("CTI did not accept SetProtocolVersion {}: {}; closing to retry", settings.protocolVersion(),
                    Replies.describe(reply));
            source.close(CloseFrame.NORMAL, "protocol version not accepted");
        }
    }

    /** Under the lock: fails what is pending and tells the listener once per ready -> not ready. */
    private void linkLost(String why) {
        boolean wasReady = ready;
        ready = false;
        pending.completeAll(new CtiReply.LinkDown(why));
        if (wasReady) {
            listener.onLinkDown(why);
        }
    }

    /** The socket's callbacks, kept off the public API; each runs on that socket's reader thread. */
    private final class Callbacks implements CtiSocket.Events {
        @Override
        public void onOpen(CtiSocket source) {
            String rid = rids.next();
            CompletableFuture<CtiReply> reply;
            synchronized (lock) {
                if (source != socket) {
                    source.close(CloseFrame.GOING_AWAY, "superseded");
                    return;
                }
                reply = pending.register(rid, "SetProtocolVersion");
            }
            LOG.info("CTI link connected to {} (subprotocol {}); setting protocol version {}", settings.url(),
                    source.getProtocol(), settings.protocolVersion());
            // Registered before the write, so the callback runs on the reader thread as the Ok is read,
            // before any later frame: events of the new connection always follow onLinkUp.
            reply.thenAccept(answer -> onVersionReply(source, answer));
            write(source, rid, codec.setProtocolVersion(rid, settings.protocolVersion()));
        }

        @Override
        public void onText(CtiSocket source, String text) {
            if (source == socket) {
                router.onText(text, listener);
            }
        }

        @Override
        public void onBinary(CtiSocket source, int bytes) {
            if (source == socket) {
                router.onBinary(bytes);
            }
        }

        @Override
        public void onClose(CtiSocket source, int code, String reason, boolean remote) {
            boolean wasOpen = source.wasOpened();
            String why = Replies.closeReason(code, reason, remote);
            long delay;
            synchronized (lock) {
                if (source != socket) {
                    return; // an attempt we already gave up on, or the one stop() closed
                }
                socket = null;
                linkLost(why);
                delay = backoff.delayMillis(failures++);
                timer.schedule(WsCtiGateway.this::connect, delay, TimeUnit.MILLISECONDS);
            }
            if (wasOpen) {
                LOG.warn("CTI link to {} dropped ({}); reconnecting in {} ms", settings.url(), why, delay);
            } else {
                LOG.warn("CTI link to {} could not connect ({}); retrying in {} ms", settings.url(), why, delay);
            }
        }

        @Override
        public void onError(CtiSocket source, Exception error) {
            // A fatal error is followed by onClose, which logs the outcome once; this is detail.
            LOG.debug("CTI link error: {}", error.toString());
        }
    }
}
