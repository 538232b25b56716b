package io.ctimw.core.ledger;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.LedgerSettings;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CommandIds;
import io.ctimw.core.port.out.CommandLedger;
import io.ctimw.core.port.out.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps the command ledger and makes retries safe: a command is stored before it is sent and its outcome
 * after; a retry under the same key answers with the first attempt's outcome (waiting for it while it is
 * in flight) and never reaches the CTI. With a key, a command is never sent unrecorded: an unreachable
 * ledger fails it ({@link StoreUnavailableException}); without one, call control outlives the database.
 */
public final class CommandBook {
    private static final System.Logger LOG = System.getLogger(CommandBook.class.getName());
    /** After the ledger failed, how long commands skip it instead of each waiting for the database again. */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final CommandLedger ledger;
    private final CommandIds ids;
    private final Clock clock;
    private final LedgerSettings settings;
    private final ScheduledExecutorService workers;
    private volatile Instant downUntil = Instant.MIN;

    /** @param workers records outcomes and polls for attempts in flight (never the CTI link's thread) */
    public CommandBook(CommandLedger ledger, CommandIds ids, Clock clock, LedgerSettings settings,
                       ScheduledExecutorService workers) {
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.workers = workers;
    }

    /** The answer of the earlier command under {@code key}, if the login's key holds one in the window. */
    public Optional<CompletionStage<CommandReceipt>> earlier(Login login, IdempotencyKey key, ControlCommand plain) {
        if (key == null) {
            return Optional.empty();
        }
        return ledger.findByKey(login, key, windowStart())
                .map(held -> settle(held, CanonicalCommand.fingerprint(plain)));
    }

    /**
     * Stores the command, sends it with {@code send} and stores the outcome; or, when the key is taken,
     * answers as {@link #earlier} does. {@code plain} is the command as validated before the cid got the
     * CTI's type (what the fingerprint is taken of), {@code command} the one to send.
     */
    public CompletionStage<CommandReceipt> relay(Login login, IdempotencyKey key, ControlCommand plain,
                                                 ControlCommand command,
                                                 Function<ControlCommand, CompletionStage<ControlResult>> send) {
        String fingerprint = CanonicalCommand.fingerprint(plain);
        CommandRecord entry = new CommandRecord(ids.next(), login, command.name(),
                CanonicalCommand.fieldsJson(command), clock.instant(), key, fingerprint, CommandOutcome.SENT, null);
        try {
            if (clock.instant().isBefore(downUntil)) { // do not make every command wait out the pool's timeout
                throw new SkippedLedger();
            }
            Optional<CommandRecord> held = ledger.claim(entry, windowStart());
            if (held.isPresent()) {
                return settle(held.get(), fingerprint);
            }
        } catch (StoreUnavailableException e) {
            if (!(e instanceof SkippedLedger)) { // only a real failure postpones the next try
                downUntil = clock.instant().plus(RECHECK);
            }
            if (key != null) {
                return CompletableFuture.failedFuture(e);
            }
            LOG.log(Level.WARNING, "command ledger unreachable: {0} for {1} sent unrecorded ({2})",
                    command.name(), login, e.getMessage());
            return send.apply(command).thenApply(CommandReceipt::unrecorded);
        }
        return send.apply(command).thenApplyAsync(result -> complete(entry, result), workers);
    }

    /** The login's command; empty for an unknown id and for another login's alike. */
    public Optional<CommandRecord> find(Login login, CommandId id) {
        return ledger.find(login, id);
    }

    /** The login's commands older than {@code before} (the newest when null), newest first. */
    public List<CommandRecord> recent(Login login, CommandId before, int limit) {
        return ledger.recent(login, before, limit);
    }

    /** Deletes entries past the retention; returns how many (housekeeping). */
    public int purge() {
        return ledger.deleteIssuedBefore(clock.instant().minus(settings.retention()));
    }

    private CommandReceipt complete(CommandRecord entry, ControlResult result) {
        try {
            CommandOutcome outcome = CommandOutcome.of(result);
            // The link was not ready: nothing went out, and a client told to retry later must be able to. A link
            // lost after the frame was written keeps the key: the CTI may have run it (a MakeCall must not dial twice).
            boolean release = result instanceof ControlResult.Unavailable down && !down.maybeSent();
            ledger.complete(entry.id(), outcome, clock.instant(), release);
        } catch (RuntimeException e) { // the answer still goes out; a retry then waits and reads "timed out"
            LOG.log(Level.WARNING, "outcome of command {0} ({1} for {2}) not recorded: {3}",
                    entry.id(), entry.name(), entry.login(), e.toString());
        }
        return new CommandReceipt(entry.id(), result, false);
    }

    private CompletionStage<CommandReceipt> settle(CommandRecord held, String fingerprint) {
        if (!held.fingerprint().equals(fingerprint)) {
            return CompletableFuture.completedFuture(
                    CommandReceipt.unrecorded(new ControlResult.KeyConflict(held.key().value())));
        }
        if (!held.inFlight()) {
            return CompletableFuture.completedFuture(replay(held));
        }
        Duration left = settings.inFlightWait().minus(Duration.between(held.at(), clock.instant()));
        long polls = Math.max(0, -Math.floorDiv(-left.toMillis(), settings.pollInterval().toMillis()));
        CompletableFuture<CommandReceipt> answer = new CompletableFuture<>();
        poll(held, polls, answer);
        return answer;
    }

    /** Looks again every poll interval (no thread waits); past the bound the fate is unknown: timed out. */
    private void poll(CommandRecord held, long left, CompletableFuture<CommandReceipt> answer) {
        if (left <= 0) {
            answer.complete(replay(held));
            return;
        }
        workers.schedule(() -> {
            try {
                Optional<CommandRecord> now = ledger.find(held.login(), held.id());
                if (now.isPresent() && !now.get().inFlight()) {
                    answer.complete(replay(now.get()));
                } else {
                    poll(held, left - 1, answer);
                }
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static CommandReceipt replay(CommandRecord held) {
        return new CommandReceipt(held.id(), held.outcome().result(held.name()), true);
    }

    private Instant windowStart() {
        return clock.instant().minus(settings.window());
    }

    /** The ledger was not asked: it failed less than {@code RECHECK} ago. */
    private static final class SkippedLedger extends StoreUnavailableException {
        SkippedLedger() {
            super("command ledger unreachable a moment ago", null);
        }
    }
}
