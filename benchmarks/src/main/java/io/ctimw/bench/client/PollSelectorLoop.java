package io.ctimw.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One NIO selector thread driving many long-poll connections: connects, writes each poll's request,
 * reads and parses the answers and hands them to a {@link Handler}, which re-polls from this thread.
 */
final class PollSelectorLoop implements SelectorThread.Reactor, AutoCloseable {
    /** What the loop reports; called on the loop thread. */
    interface Handler {
        void answered(PollConnection c, PollAnswer answer);

        /** The request in flight is lost (I/O error, timeout, unparseable answer); the connection is closed. */
        void failed(PollConnection c, String what);
    }

    private final InetSocketAddress server;
    private final String hostHeader;
    private final int waitSeconds;
    private final long timeoutNanos;
    private final Handler handler;
    private final List<PollConnection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<PollAnswer> answers = new ArrayList<>();
    private final SelectorThread thread;

    PollSelectorLoop(String name, int port, int waitSeconds, Handler handler) throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.hostHeader = "127.0.0.1:" + port;
        this.waitSeconds = waitSeconds;
        this.timeoutNanos = (waitSeconds + 30L) * 1_000_000_000L;
        this.handler = handler;
        this.thread = new SelectorThread(name, this);
        this.thread.start();
    }

    /** Runs {@code task} on the loop thread. */
    void execute(Runnable task) {
        thread.execute(task);
    }

    /** A new connection for {@code agent} on this loop (not connected until its first poll). */
    PollConnection connection(Agent agent) {
        return new PollConnection(agent, this);
    }

    /** Sends the next poll on {@code c} (connecting first if needed); loop thread only. */
    void poll(PollConnection c) {
        if (!thread.running()) {
            return;
        }
        if (!c.tracked) {
            connections.add(c);
            c.tracked = true;
        }
        c.inFlight = true;
        c.sentAtNanos = System.nanoTime();
        c.pendingWrite = c.request(hostHeader, waitSeconds);
        try {
            if (c.channel == null) {
                c.connect(server, thread.selector());
            } else {
                c.write();
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e.toString());
        }
    }

    @Override
    public void ready(SelectionKey key) {
        PollConnection c = (PollConnection) key.attachment();
        if (!key.isValid() || c.key != key) {
            return;
        }
        try {
            if (key.isConnectable()) {
                c.finishConnect();
                return;
            }
            if (key.isWritable()) {
                c.write();
            }
            if (key.isReadable()) {
                read(c);
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e.toString());
        }
    }

    private void read(PollConnection c) throws IOException {
        if (c.read(readBuffer, answers::add)) {
            c.closeChannel();
            if (answers.isEmpty()) {
                fail(c, "connection closed by the server"); // counted only if a poll was in flight
                return;
            }
        }
        deliver(c);
    }

    private void deliver(PollConnection c) {
        if (answers.isEmpty()) {
            return;
        }
        int n = answers.size();
        for (int i = 0; i < n; i++) {
            PollAnswer a = answers.get(i);
            if (a.close()) {
                c.closeChannel();
            }
            c.inFlight = false;
            handler.answered(c, a);
        }
        answers.clear();
    }

    /** Fails the polls that got no answer in time. */
    @Override
    public void sweep(long now) {
        for (PollConnection c : new ArrayList<>(connections)) {
            if (c.inFlight && now - c.sentAtNanos > timeoutNanos) {
                fail(c, "no answer within " + timeoutNanos / 1_000_000_000L + " s");
            }
        }
    }

    @Override
    public void exited() {
        for (PollConnection c : connections) {
            c.closeChannel();
        }
    }

    private void fail(PollConnection c, String what) {
        c.closeChannel();
        if (c.inFlight) {
            c.inFlight = false;
            handler.failed(c, what);
        }
    }

    /** Stops the thread; it closes every connection on its way out. */
    @Override
    public void close() {
        thread.close();
    }
}
