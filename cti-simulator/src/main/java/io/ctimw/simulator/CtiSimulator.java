package io.ctimw.simulator;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An NCC CTI API (protocol 13) server on a real WebSocket, for tests, demos and load. All methods are
 * thread-safe. One-shot: {@link #start()} once, {@link #close()} once.
 *
 * <pre>{@code
 * try (CtiSimulator sim = CtiSimulator.builder().operators("agent1").build().start()) {
 *     connect to sim.url(), SetProtocolVersion "13", AttachToUser agent1 ...
 *     Object cid = sim.injectIncomingCall("agent1", "+7001");
 *     sim.awaitCommand(c -> c.is("Answer"), Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class CtiSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CtiSimulator.class);

    private final SimulatorSettings settings;
    private final Model model;
    private final CommandJournal journal = new CommandJournal();
    private final ModelActions actions;
    private final SimulatorLoad load;
    private final CtiWebSocketServer server;
    private final SimulatorFaults faults;
    private volatile boolean started;
    private volatile boolean closed;

    CtiSimulator(SimulatorSettings settings) {
        this.settings = settings;
        Switchboard board = new Switchboard();
        settings.operators().forEach(board::addPhone);
        CidFactory cids = new CidFactory(settings.cidAsNumber());
        this.model = new Model(settings, board, cids, new Faults(), new ModelThread());
        this.actions = new ModelActions(model);
        this.load = new SimulatorLoad(board, cids);
        this.faults = new SimulatorFaults(model.faults(), board, actions);
        this.server = new CtiWebSocketServer(new InetSocketAddress(settings.host(), settings.port()), board,
                new CommandProcessor(model, journal), model.thread(), model.faults());
    }

    public static CtiSimulatorBuilder builder() {
        return new CtiSimulatorBuilder();
    }

    /** Binds and returns once listening; throws IllegalStateException if the port cannot be bound. */
    public synchronized CtiSimulator start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        server.startAndWait();
        LOG.info("CTI simulator listening on {} (operators {}, cid as {})", url(), settings.operators(),
                settings.cidAsNumber() ? "number" : "string");
        return this;
    }

    /** The bound port (the real one when built with port 0). */
    public int port() {
        if (!started) {
            throw new IllegalStateException("not started");
        }
        return server.getPort();
    }

    /** {@code ws://HOST:PORT/ws}; the server accepts any path. */
    public String url() {
        return "ws://" + settings.host() + ":" + port() + "/ws";
    }

    /** Stops load, closes every connection and the listener. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        load.stop();
        server.shutdown();
        model.thread().close();
        LOG.info("CTI simulator stopped");
    }

    // ---- model ----

    /** Adds a known login (softphone state normal); no-op if it exists. */
    public void addOperator(String login) {
        actions.addOperator(login);
    }

    /** Puts the softphone offline (calls dropped) or back to normal; emits UserState to attached connections. */
    public void setOffline(String login, boolean offline) {
        actions.setOffline(login, offline);
    }

    /**
     * Rings the operator: creates an incoming call and emits NewCall (direction in, state new).
     * Returns the cid, a String or a Long as configured. Throws if the login is unknown or offline.
     */
    public Object injectIncomingCall(String login, String callerNumber) {
        return actions.injectIncomingCall(login, callerNumber);
    }

    /** The far end hangs up: the call becomes ended (CallStatus) and waits for the operator's Close. */
    public void remoteHangup(String login, Object cid) {
        actions.remoteHangup(login, cid);
    }

    /** The demo's wrap-up: an ended call is removed with OnClose; false if it is gone or not ended. */
    boolean closeEnded(String login, Object cid) {
        return actions.closeEnded(login, cid);
    }

    /** Sends an arbitrary event to the login's attached connections; {@code login} is added if absent. */
    public void emit(String login, Map<String, Object> eventFields) {
        actions.emit(login, eventFields);
    }

    /** Sends this text unchanged to every connection that has set the protocol version. */
    public void emitRaw(String json) {
        actions.emitRaw(json);
    }

    // ---- observation ----

    /** Every JSON object received so far, oldest first, including commands without rid. */
    public List<ReceivedCommand> receivedCommands() {
        return journal.snapshot();
    }

    /**
     * The first received command matching, whether it came before this call or arrives within the
     * timeout; throws IllegalStateException (listing what did arrive) on timeout.
     */
    public ReceivedCommand awaitCommand(Predicate<ReceivedCommand> match, Duration timeout) {
        return journal.await(match, timeout);
    }

    /** Forgets the received commands, e.g. between phases of one test. */
    public void clearReceivedCommands() {
        journal.clear();
    }

    /** Logins with at least one attached connection. */
    public Set<String> attachedLogins() {
        return model.board().attachedLogins();
    }

    /**
     * Waits until some connection is attached to the login; throws IllegalStateException on timeout.
     * Once it returns, the attach sequence (Ok, UserState, Calls, Conferences) has been sent in full,
     * so events injected afterwards reach the client after it.
     */
    public void awaitAttached(String login, Duration timeout) {
        model.board().awaitAttached(login, timeout);
    }

    /** Open WebSocket connections (handshake completed). */
    public int connectionCount() {
        return model.board().connections().size();
    }

    // ---- faults and load ----

    /** Every fault switch: dropped connections, silenced commands, pings, malformed frames, refused attaches... */
    public SimulatorFaults faults() {
        return faults;
    }

    /** The CallStatus event generator, for load tests and benchmarks. */
    public SimulatorLoad load() {
        return load;
    }
}
