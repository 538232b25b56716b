package io.ctimw.core.control;

import io.ctimw.core.access.AccessGuard;
import io.ctimw.core.call.CallRegistry;
import io.ctimw.core.ledger.CommandBook;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.ControlRequest;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.CtiReply;
import io.ctimw.core.model.Entitlements;
import io.ctimw.core.model.Grant;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import io.ctimw.core.model.Session;
import io.ctimw.core.port.in.CallControlUseCase;
import io.ctimw.core.port.out.CtiGateway;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Relays an agent's command to the CTI for the agent's own login. The login always comes from the
 * session; a command naming a call the agent does not have never leaves the middleware. Every command
 * sent is kept in the ledger ({@link CommandBook}), which also answers retries under an idempotency key.
 */
public final class CallControlService implements CallControlUseCase {
    private static final System.Logger LOG = System.getLogger(CallControlService.class.getName());

    private final CommandValidator validator;
    private final CtiGateway gateway;
    private final CallRegistry calls;
    private final AccessGuard access;
    private final CommandBook book;

    public CallControlService(CommandValidator validator, CtiGateway gateway, CallRegistry calls, AccessGuard access,
                              CommandBook book) {
        this.validator = validator;
        this.gateway = gateway;
        this.calls = calls;
        this.access = access;
        this.book = book;
    }

    @Override
    public CompletionStage<CommandReceipt> relay(Session session, ControlRequest request) {
        if (validator.knows(request.name())) { // an unknown name is a 400 whatever the grants
            access.require(session, Grant.control(request.name()));
        }
        CommandValidator.Outcome shaped = validator.shape(request);
        if (shaped instanceof CommandValidator.Outcome.Refused refused) {
            return CompletableFuture.completedFuture(CommandReceipt.unrecorded(refused.result()));
        }
        ControlCommand plain = ((CommandValidator.Outcome.Valid) shaped).command();
        CommandValidator.Outcome owned = validator.own(session.login(), plain);
        if (owned instanceof CommandValidator.Outcome.Refused refused) {
            // A retry of a Hangup finds the call gone: the key's first attempt answers, not a 404.
            Optional<CompletionStage<CommandReceipt>> earlier = book.earlier(session.login(), request.key(), plain);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            ControlResult.UnknownCall unknown = (ControlResult.UnknownCall) refused.result();
            LOG.log(Level.WARNING, "{0} refused: {1} named cid {2}, not one of its calls",
                    request.name(), session.login(), unknown.cid());
            access.foreignCall(session, request.name(), unknown.cid());
            return CompletableFuture.completedFuture(CommandReceipt.unrecorded(unknown));
        }
        ControlCommand command = ((CommandValidator.Outcome.Valid) owned).command();
        return book.relay(session.login(), request.key(), plain, command, c -> {
            long mark = calls.changeMark(session.login());
            return gateway.send(session.login(), c).thenApply(reply -> toResult(session, c, reply, mark));
        });
    }

    @Override
    public Optional<CommandRecord> command(Session session, CommandId id) {
        return book.find(session.login(), id);
    }

    @Override
    public List<CommandRecord> commands(Session session, CommandId before, int limit) {
        return book.recent(session.login(), before, limit);
    }

    @Override
    public Entitlements entitlements(Session session) {
        Optional<User> user = access.userOf(session);
        return validator.catalog().entitlements(user.map(User::role).orElse(Role.AGENT),
                user.map(User::grants).orElse(Grants.NONE));
    }

    private ControlResult toResult(Session session, ControlCommand command, CtiReply reply, long mark) {
        if (reply instanceof CtiReply.Ok) {
            return new ControlResult.Accepted(command.name());
        }
        if (reply instanceof CtiReply.Data data) {
            if (data.calls() != null) {
                // The truth as of the reply, unless newer call events have already been applied.
                calls.replaceIfUnchanged(session.login(), data.calls(), mark);
            }
            return new ControlResult.DataReply(data.name(), data.json());
        }
        if (reply instanceof CtiReply.Rejected rejected) {
            return new ControlResult.CtiRejected(rejected.description());
        }
        if (reply instanceof CtiReply.Unparsed unparsed) {
            LOG.log(Level.ERROR, "CTI could not parse our {0}: {1}", command.name(), unparsed.description());
            return new ControlResult.CtiParseError(unparsed.description());
        }
        if (reply instanceof CtiReply.LinkDown down) {
            return new ControlResult.Unavailable(down.reason(), down.maybeSent());
        }
        return new ControlResult.TimedOut();
    }
}
