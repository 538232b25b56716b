package io.ctimw.bench.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One NIO selector thread driving many long-poll connections: connects, writes each poll's request,
 * reads and parses the answers and hands them to a {@link Handler}, which re-polls from this thread.
 */
final class PollSelectorLoop implements AutoCloseable {
    /** What the loop reports; called on the loop thread. */
    interface Handler {
        void answered(PollConnection c, PollAnswer answer);

        /** The request in flight is lost (I/O error, timeout, unparseable answer); the connection is closed. */
        void failed(PollConnection c, String what);
    }

    private static final long TIMEOUT_CHECK_NANOS = 1_000_000_000L;

    private final InetSocketAddress server;
    private final String hostHeader;
    private final int waitSeconds;
    private final long timeoutNanos;
    private final Handler handler;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<PollConnection> connections = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<PollAnswer> answers = new ArrayList<>();
    private volatile boolean running = true;
    private long nextTimeoutCheck = System.nanoTime() + TIMEOUT_CHECK_NANOS;

    PollSelectorLoop(String name, int port, int waitSeconds, Handler handler) throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.hostHeader = "127.0.0.1:" + port;
        this.waitSeconds = waitSeconds;
        this.timeoutNanos = (waitSeconds + 30L) * 1_000_000_000L;
        this.handler = handler;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Runs {@code task} on the loop thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** A new connection for {@code agent} on this loop (not connected until its first poll). */
    PollConnection connection(Agent agent) {
        return new PollConnection(agent, this);
    }

    /** Sends the next poll on {@code c} (connecting first if needed); loop thread only. */
    void poll(PollConnection c) {
        if (!running) {
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
                connect(c);
            } else {
                write(c);
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e.toString());
        }
    }

    private void connect(PollConnection c) throws IOException {
        SocketChannel ch = SocketChannel.open();
        c.channel = ch;
        c.parser.reset();
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (ch.connect(server)) {
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
            write(c);
        } else {
            c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
        }
    }

    private void write(PollConnection c) throws IOException {
        ByteBuffer out = c.pendingWrite;
        if (out != null) {
            c.channel.write(out);
            if (out.hasRemaining()) {
                c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            c.pendingWrite = null;
        }
        c.key.interestOps(SelectionKey.OP_READ);
    }

    private void run() {
        try {
            while (running) {
                long untilCheck = Math.max(1, (nextTimeoutCheck - System.nanoTime()) / 1_000_000L);
                selector.select(untilCheck);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    ready(key);
                }
                long now = System.nanoTime();
                if (now >= nextTimeoutCheck) {
                    nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
                    timeouts(now);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            for (PollConnection c : connections) {
                closeChannel(c);
            }
        }
    }

    private void ready(SelectionKey key) {
        PollConnection c = (PollConnection) key.attachment();
        if (!key.isValid() || c.key != key) {
            return;
        }
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                write(c);
                return;
            }
            if (key.isWritable()) {
                write(c);
            }
            if (key.isReadable()) {
                read(c);
            }
        } catch (IOException | RuntimeException e) {
            fail(c, e.toString());
        }
    }

    private void read(PollConnection c) throws IOException {
        SocketChannel ch = c.channel;
        boolean eof = false;
        while (true) {
            readBuffer.clear();
            int n = ch.read(readBuffer);
            if (n < 0) {
                eof = true;
                break;
            }
            if (n == 0) {
                break;
            }
            readBuffer.flip();
            c.parser.feed(readBuffer, answers::add);
            if (n < readBuffer.capacity()) {
                break;
            }
        }
        if (eof) {
            closeChannel(c);
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
                closeChannel(c);
            }
            c.inFlight = false;
            handler.answered(c, a);
        }
        answers.clear();
    }

    private void timeouts(long now) {
        for (PollConnection c : new ArrayList<>(connections)) {
            if (c.inFlight && now - c.sentAtNanos > timeoutNanos) {
                fail(c, "no answer within " + timeoutNanos / 1_000_000_000L + " s");
            }
        }
    }

    private void fail(PollConnection c, String what) {
        closeChannel(c);
        if (c.inFlight) {
            c.inFlight = false;
            handler.failed(c, what);
        }
    }

    private static void closeChannel(PollConnection c) {
        if (c.key != null) {
            c.key.cancel();
        }
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
        c.channel = null;
        c.key = null;
        c.pendingWrite = null;
        c.parser.reset();
    }

    /** Stops the thread; it closes every connection on its way out. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
