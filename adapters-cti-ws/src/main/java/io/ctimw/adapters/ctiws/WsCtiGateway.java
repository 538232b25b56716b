package io.ctimw.adapters.ctiws;

import io.ctimw.core.model.Backoff;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.CtiListener;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one WebSocket link to the NCC CTI API (protocol 13): sends commands with fresh rids and matches
 * their replies; connecting, initialising and reconnecting are the {@link LinkSupervisor}'s.
 */
public final class WsCtiGateway implements CtiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(WsCtiGateway.class);

    private final LinkParts parts;
    private final LinkSupervisor link;

    public WsCtiGateway(CtiLinkSettings settings) {
        this(settings, new Backoff(settings.reconnectMin(), settings.reconnectMax(),
                () -> ThreadLocalRandom.current().nextDouble()));
    }

    WsCtiGateway(CtiLinkSettings settings, Backoff backoff) {
        Objects.requireNonNull(settings, "settings");
        this.parts = LinkParts.of(settings);
        this.link = new LinkSupervisor(settings, backoff, parts);
    }

    @Override
    public void start(CtiListener listener) {
        link.start(Objects.requireNonNull(listener, "listener"));
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
        return link.isReady();
    }

    /** The link's counters so far, for health and metrics. */
    public LinkStats stats() {
        return parts.counters().snapshot();
    }

    /** Commands sent and not yet answered (tests check that none is left behind). */
    int pendingCount() {
        return parts.pending().size();
    }

    /** After {@link #stop()}: true once no reconnect attempt can start any more (tests use it as a barrier). */
    boolean awaitStopped(java.time.Duration timeout) throws InterruptedException {
        return link.awaitStopped(timeout.toMillis());
    }

    @Override
    public void stop() {
        link.stop();
    }

    private CompletionStage<CtiReply> send(Login login, String name, Map<String, Object> fields) {
        Objects.requireNonNull(login, "login");
        String rid = parts.rids().next();
        LOG.debug("-> {} rid={} login={}", name, rid, login);
        return link.submit(rid, name, parts.codec().command(rid, name, fields, login));
    }

    /** Attachments are rare and matter to operators: their outcome is logged at INFO. */
    private static CompletionStage<CtiReply> logged(String name, Login login, CompletionStage<CtiReply> stage) {
        stage.thenAccept(reply -> LOG.info("{} {} -> {}", name, login, Replies.describe(reply)));
        return stage;
    }
}
