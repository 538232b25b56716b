package io.ctimw.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The registry of softphones and connections, and the fan-out of events to attached connections. */
final class Switchboard {
    private final ConcurrentMap<String, Softphone> phones = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    Softphone phone(String login) {
        return phones.get(login);
    }

    void addPhone(String login) {
        phones.computeIfAbsent(login, Softphone::new);
    }

    void connected(Connection connection) {
        connections.add(connection);
    }

    /** Called on the socket thread: from now on the connection neither counts nor takes attachments. */
    void closing(Connection connection) {
        connection.closed = true;
        connections.remove(connection);
    }

    /** Called on the model thread: attachments belong to the connection, so they all go with it. */
    void disconnected(Connection connection) {
        for (String login : connection.attachedLogins) {
            detach(connection, login);
        }
    }

    void attach(Connection connection, Softphone phone) {
        if (connection.closed) {
            return;
        }
        connection.attachedLogins.add(phone.login);
        phone.attached.add(connection);
    }

    void detach(Connection connection, String login) {
        connection.attachedLogins.remove(login);
        Softphone phone = phones.get(login);
        if (phone != null) {
            phone.attached.remove(connection);
        }
    }

    /**
     * Sends one event to every connection attached to the phone; serialised once. Returns whether it
     * was queued on at least one open connection.
     */
    boolean emit(Softphone phone, ObjectNode event) {
        if (phone.attached.isEmpty()) {
            return false;
        }
        String text = Json.write(event);
        boolean queued = false;
        for (Connection connection : phone.attached) {
            queued |= connection.send(text);
        }
        return queued;
    }

    Collection<Connection> connections() {
        return connections;
    }

    Set<String> attachedLogins() {
        Set<String> logins = new TreeSet<>();
        connections.forEach(c -> logins.addAll(c.attachedLogins));
        return logins;
    }

    /** Polls briefly until some connection is attached to the login (attachments change on the model thread). */
    void awaitAttached(String login, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!attachedLogins().contains(login)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no connection attached to " + login + " within " + timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
