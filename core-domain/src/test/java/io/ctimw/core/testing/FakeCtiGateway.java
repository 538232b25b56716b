package io.ctimw.core.testing;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.CtiEvent;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Json;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CtiGateway;
import io.ctimw.core.port.out.CtiListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-memory CTI link with a tiny phone model, for core and adapter tests without IO. Tests drive
 * the "server side" directly: {@link #linkUp()}, {@link #linkDown}, {@link #incomingCall}, {@link #emit}.
 */
public final class FakeCtiGateway implements CtiGateway {
    /** A command as it would have gone on the wire. */
    public record Sent(Login login, ControlCommand command) {}

    private final Set<Login> known = ConcurrentHashMap.newKeySet();
    private final Set<Login> refused = ConcurrentHashMap.newKeySet();
    private final Set<Login> attached = ConcurrentHashMap.newKeySet();
    private final Map<Login, List<CallId>> calls = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Login> attachRequests = new CopyOnWriteArrayList<>();
    private final List<Login> detachRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong nextCid = new AtomicLong(100);
    private volatile Function<Sent, CtiReply> replies = s -> null;
    private volatile CtiListener listener;
    private volatile boolean ready;
    private volatile boolean numericCids;

    public FakeCtiGateway(String... knownLogins) {
        for (String l : knownLogins) {
            known.add(new Login(l));
        }
    }

    public FakeCtiGateway numericCids(boolean numeric) {
        this.numericCids = numeric;
        return this;
    }

    @Override
    public void start(CtiListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletionStage<CtiReply> attach(Login login) {
        attachRequests.add(login);
        if (!ready) {
            return done(new CtiReply.LinkDown("link down"));
        }
        if (!known.contains(login) || refused.contains(login)) {
            return done(new CtiReply.Rejected("login " + login + " unknown or not licensed"));
        }
        attached.add(login);
        return done(new CtiReply.Ok());
    }

    @Override
    public CompletionStage<CtiReply> detach(Login login) {
        detachRequests.add(login);
        attached.remove(login);
        return done(ready ? new CtiReply.Ok() : new CtiReply.LinkDown("link down"));
    }

    @Override
    public CompletionStage<CtiReply> send(Login login, ControlCommand command) {
        if (!ready) {
            return done(new CtiReply.LinkDown("link down"));
        }
        Sent s = new Sent(login, command);
        sent.add(s);
        if (!attached.contains(login)) {
            return done(new CtiReply.Rejected("not attached to " + login));
        }
        CtiReply scripted = replies.apply(s);
        if (scripted != null) {
            return done(scripted);
        }
        if (command.name().equals("GetCalls")) {
            List<CallId> current = calls.getOrDefault(login, List.of());
            return done(new CtiReply.Data("Calls", callsJson(login, current), current));
        }
        if (command.name().equals("Hangup") || command.name().equals("Close")) {
            CallId cid = (CallId) command.fields().get("cid");
            calls.getOrDefault(login, new ArrayList<>()).remove(cid);
            emit(new CtiEvent(login, "OnClose", cid, null, null, eventJson("OnClose", login, cid)));
        }
        return done(new CtiReply.Ok());
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public void stop() {
        ready = false;
    }

    // ---- the test's side ----

    /** The link comes up (or back): the listener must re-attach. */
    public void linkUp() {
        ready = true;
        listener.onLinkUp();
    }

    /** The link drops: attachments are gone. */
    public void linkDown(String reason) {
        ready = false;
        attached.clear();
        listener.onLinkDown(reason);
    }

    public void refuseAttach(String login) {
        refused.add(new Login(login));
    }

    /** A call rings on an attached login's phone: emits NewCall and returns its cid. */
    public CallId incomingCall(String login) {
        Login l = new Login(login);
        long n = nextCid.getAndIncrement();
        CallId cid = numericCids ? CallId.ofNumber(n) : CallId.ofText("c" + n);
        calls.computeIfAbsent(l, x -> new CopyOnWriteArrayList<>()).add(cid);
        emit(new CtiEvent(l, "NewCall", cid, null, null, eventJson("NewCall", l, cid)));
        return cid;
    }

    /** Delivers any event as if the CTI had sent it. */
    public void emit(CtiEvent event) {
        listener.onEvent(event);
    }

    /** Scripts the reply to commands; return null from the function for the default behaviour. */
    public void replies(Function<Sent, CtiReply> replies) {
        this.replies = replies;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Login> attachRequests() {
        return List.copyOf(attachRequests);
    }

    public List<Login> detachRequests() {
        return List.copyOf(detachRequests);
    }

    public Set<Login> attached() {
        return Set.copyOf(attached);
    }

    public static String eventJson(String name, Login login, CallId cid) {
        return "{\"name\":" + Json.quote(name) + ",\"login\":" + Json.quote(login.value())
                + (cid == null ? "" : ",\"cid\":" + (cid.numeric() ? cid.text() : Json.quote(cid.text()))) + "}";
    }

    private static String callsJson(Login login, List<CallId> current) {
        StringBuilder json = new StringBuilder("{\"name\":\"Calls\",\"login\":").append(Json.quote(login.value()))
                .append(",\"calls\":[");
        for (int i = 0; i < current.size(); i++) {
            CallId c = current.get(i);
            json.append(i == 0 ? "" : ",").append("{\"cid\":").append(c.numeric() ? c.text() : Json.quote(c.text()))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static CompletionStage<CtiReply> done(CtiReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
