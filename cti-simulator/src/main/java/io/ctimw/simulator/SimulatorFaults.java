package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import org.java_websocket.WebSocketImpl;

/**
 * The simulator's fault switches, for tests ({@link CtiSimulator#faults()}) and for scripts (the
 * control port, see {@link ControlCommands}). Thread-safe; each switch takes effect for what is sent
 * or received from then on.
 */
public final class SimulatorFaults {
    /** The name of the event {@link #emitUnstorableEvent} sends: PostgreSQL text cannot hold U+0000. */
    public static final String UNSTORABLE_EVENT_NAME = "Unstorable\u0000Event";

    private final Faults faults;
    private final Switchboard board;
    private final ModelActions actions;

    SimulatorFaults(Faults faults, Switchboard board, ModelActions actions) {
        this.faults = faults;
        this.board = board;
        this.actions = actions;
    }

    /** Closes every connection's socket without a close handshake (the client sees 1006). */
    public void dropAllConnections() {
        board.connections().forEach(SimulatorFaults::drop);
    }

    /**
     * Shuts the TCP connection down at once, then lets Java-WebSocket forget it. Its own close, called from
     * outside its selector thread, only cancels the key: the socket stays open (no FIN) until that thread
     * next wakes, which on a busy machine took longer than a client waits (FaultsTest failed on it).
     */
    private static void drop(Connection connection) {
        if (connection.socket instanceof WebSocketImpl impl && impl.getChannel() instanceof SocketChannel channel) {
            try {
                channel.shutdownInput();
                channel.shutdownOutput();
            } catch (IOException alreadyGone) {
                // closed by the peer meanwhile: nothing left to drop
            }
        }
        connection.socket.closeConnection(1006, "dropped by simulator");
    }

    /** Off: WebSocket pings get no pong, so a client's dead-link detection must fire. Default on. */
    public void answerPings(boolean on) {
        faults.set(Faults.Switch.IGNORE_PINGS, !on);
    }

    /** Pings left unanswered so far. */
    public long pingsIgnored() {
        return faults.pingsIgnored();
    }

    /** While on, every reply (Ok, Error, data) is sent twice. */
    public void duplicateReplies(boolean on) {
        faults.set(Faults.Switch.DUPLICATE_REPLIES, on);
    }

    /** While on, outgoing frames go in swapped pairs (the first waits for the next); off sends any held frame. */
    public void reorderFrames(boolean on) {
        faults.set(Faults.Switch.REORDER_FRAMES, on);
        if (!on) {
            board.connections().forEach(Connection::flush);
        }
    }

    /** While on, every outgoing frame is preceded by a frame that is not JSON. */
    public void malformedFrames(boolean on) {
        faults.set(Faults.Switch.MALFORMED_FRAMES, on);
    }

    /** While on, AttachToUser for this login gets Error "no licence". */
    public void rejectAttach(String login, boolean reject) {
        faults.rejectAttach(login, reject);
    }

    /** While on, every AttachToUser gets Error "no licence" (the contact center is out of CTI licences). */
    public void rejectAttaches(boolean reject) {
        faults.set(Faults.Switch.REJECT_ALL_ATTACHES, reject);
    }

    /** Delays the execution (reply and events) of every command received from now on. */
    public void replyDelay(Duration delay) {
        faults.replyDelay(delay);
    }

    /** While on, this command gets no reply and has no effect (it is still recorded). */
    public void silence(String commandName, boolean silent) {
        faults.silence(commandName, silent);
    }

    /** The next command of this name (after the envelope checks) gets Error with this description. */
    public void failNext(String commandName, String description) {
        faults.failNext(commandName, description);
    }

    /** Sends every open connection a non-JSON text frame, then a JSON object without name. */
    public void sendGarbage() {
        actions.sendGarbage();
    }

    /** Sends the login's attached connections an event whose name contains U+0000 (valid JSON, unstorable text). */
    public void emitUnstorableEvent(String login) {
        ObjectNode event = Json.event(UNSTORABLE_EVENT_NAME, login);
        actions.emit(login, event);
    }
}
