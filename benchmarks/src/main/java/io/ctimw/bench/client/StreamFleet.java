package io.ctimw.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream sink: agents that each keep {@code GET /api/v1/events/stream} open and record CTI-send to
 * agent-receive latency of every load event in it, reopening the stream from its last {@code id} when it
 * ends. One NIO selector thread, one connection per agent; HTTP/1.0, so the body is the raw stream up to
 * the close (no chunked framing to parse).
 */
public final class StreamFleet extends FleetMeters implements SelectorThread.Reactor {
    private static final long RETRY_DELAY_NANOS = 200_000_000L;

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong messages = new AtomicLong();
    private final Set<String> streaming = ConcurrentHashMap.newKeySet();
    private final InetSocketAddress server;
    private final SelectorThread io;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<StreamConnection> retrying = new ArrayList<>();
    private final List<StreamConnection> all = new ArrayList<>();

    public StreamFleet(MiddlewareHttp http) {
        this.server = new InetSocketAddress("127.0.0.1", http.port());
        try {
            this.io = new SelectorThread("stream-io", this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        io.start();
    }

    @Override
    public void add(List<Agent> agents) throws InterruptedException {
        int started = 0;
        for (Agent agent : agents) {
            if (!streaming.add(agent.login())) {
                continue;
            }
            StreamConnection c = new StreamConnection(agent);
            io.execute(() -> {
                all.add(c);
                connect(c);
            });
            if (++started % 250 == 0) {
                Thread.sleep(25); // the server's accept queue keeps up
            }
        }
    }

    private void connect(StreamConnection c) {
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel = ch;
            c.reset();
            boolean connected = ch.connect(server);
            c.key = ch.register(io.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            if (connected) {
                sendRequest(c);
            }
        } catch (IOException e) {
            failed(c, "connect: " + e);
        }
    }

    private void sendRequest(StreamConnection c) throws IOException {
        ByteBuffer request = c.request("127.0.0.1:" + server.getPort());
        while (request.hasRemaining()) { // a few hundred bytes into an empty socket buffer
            c.channel.write(request);
        }
        c.key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public void ready(SelectionKey key) {
        StreamConnection c = (StreamConnection) key.attachment();
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                sendRequest(c);
                return;
            }
            while (true) {
                readBuffer.clear();
                int n = c.channel.read(readBuffer);
                if (n < 0) {
                    closed(c, null);
                    return;
                }
                if (n == 0) {
                    return;
                }
                readBuffer.flip();
                c.feed(readBuffer, this::message, this::opened);
            }
        } catch (IOException | RuntimeException e) {
            closed(c, e.toString());
        }
    }

    private void opened(StreamConnection c, int status) {
        if (status == 200) {
            open.incrementAndGet();
            c.open = true;
        } else {
            error("HTTP " + status);
        }
    }

    private void message(String text) {
        messages.incrementAndGet();
        received(text);
    }

    private void closed(StreamConnection c, String failure) {
        if (c.open) {
            open.decrementAndGet();
        }
        if (failure != null || !c.ended) {
            error(failure != null ? failure : "stream closed without an end event");
        }
        failed(c, null);
    }

    private void failed(StreamConnection c, String what) {
        if (what != null) {
            error(what);
        }
        c.close();
        c.retryAt = System.nanoTime() + RETRY_DELAY_NANOS;
        if (io.running()) {
            retrying.add(c);
        }
    }

    @Override
    public void sweep(long nowNanos) {
        List<StreamConnection> due = retrying.stream().filter(c -> c.retryAt <= nowNanos).toList();
        retrying.removeAll(due);
        due.forEach(this::connect);
    }

    @Override
    public void exited() {
        retrying.clear();
        all.forEach(StreamConnection::close);
    }

    /** Streams open right now (answered 200 and not closed). */
    @Override
    public int open() {
        return open.get();
    }

    /** Messages received (events, heartbeats, ends): what "settled" watches. */
    @Override
    public long answers() {
        return messages.get();
    }

    @Override
    public void close() {
        io.close();
    }
}
