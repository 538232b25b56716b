package io.ctimw.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CallId;
import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandReceipt;
import io.ctimw.core.model.ControlCommand;
import io.ctimw.core.model.ControlResult;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.LedgerSettings;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CommandLedger;
import io.ctimw.core.port.out.StoreUnavailableException;
import io.ctimw.core.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger's rules with an in-memory ledger and a scripted CTI: what is stored, what is replayed. */
class CommandBookTest {
    private static final Login ALICE = new Login("alice");
    private static final IdempotencyKey KEY = new IdempotencyKey("k-1");
    private static final ControlCommand HOLD = new ControlCommand("Hold", Map.of("cid", CallId.ofText("7"), "on", true));
    private static final ControlCommand SENT_HOLD =
            new ControlCommand("Hold", Map.of("cid", CallId.ofNumber(7), "on", true));

    private final MutableClock clock = MutableClock.at("2026-01-01T10:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final UnsavedCommandLedger ledger = new UnsavedCommandLedger();
    private final LedgerSettings settings = new LedgerSettings(Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofSeconds(5), Duration.ofMillis(10));
    private final List<ControlCommand> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    private CompletableFuture<ControlResult> reply = CompletableFuture.completedFuture(new ControlResult.Accepted("Hold"));

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private CommandBook book(CommandLedger on) {
        return new CommandBook(on, () -> new CommandId("c" + ids.incrementAndGet()), clock, settings, workers);
    }

    private CompletionStage<ControlResult> send(ControlCommand command) {
        sent.add(command);
        return reply;
    }

    private CompletionStage<CommandReceipt> relay(CommandBook book, IdempotencyKey key, ControlCommand plain) {
        return book.relay(ALICE, key, plain, SENT_HOLD, this::send);
    }

    private static CommandReceipt now(CompletionStage<CommandReceipt> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCommandIsStoredWithItsFieldsAndOutcome() throws Exception {
        CommandReceipt receipt = now(relay(book(ledger), null, HOLD));
        assertEquals(new CommandReceipt(new CommandId("c1"), new ControlResult.Accepted("Hold"), false), receipt);
        var stored = ledger.find(ALICE, new CommandId("c1")).orElseThrow();
        assertEquals("{\"cid\":7,\"on\":true}", stored.fieldsJson(), "the cid in the type the CTI got it in");
        assertEquals(new CommandOutcome(CommandOutcome.Status.OK, "Ok", null), stored.outcome());
        assertEquals(clock.instant(), stored.completedAt());
    }

    @Test
    void aRetryUnderTheSameKeyReplaysTheOutcomeAndSendsNothing() throws Exception {
        reply = CompletableFuture.completedFuture(new ControlResult.CtiRejected("busy"));
        CommandBook book = book(ledger);
        now(relay(book, KEY, HOLD));
        ControlCommand respelled = new ControlCommand("Hold", Map.of("on", true, "cid", CallId.ofText("7")));
        CommandReceipt retry = now(relay(book, KEY, respelled));
        assertEquals(new CommandReceipt(new CommandId("c1"), new ControlResult.CtiRejected("busy"), true), retry);
        assertEquals(1, sent.size());
    }

    @Test
    void aCommandTheLinkWasDownForMayBeRetriedUnderItsKey() throws Exception {
        reply = CompletableFuture.completedFuture(new ControlResult.Unavailable("CTI link down"));
        CommandBook book = book(ledger);
        now(relay(book, KEY, HOLD));
        reply = CompletableFuture.completedFuture(new ControlResult.Accepted("Hold"));
        CommandReceipt retry = now(relay(book, KEY, HOLD));
        assertEquals(new CommandReceipt(new CommandId("c2"), new ControlResult.Accepted("Hold"), false), retry);
        assertEquals(2, sent.size(), "sent again: the 503 said retry later");
        assertEquals(CommandOutcome.Status.CTI_DOWN, ledger.find(ALICE, new CommandId("c1")).orElseThrow()
                .outcome().status(), "the first attempt stays in the ledger");
    }

    @Test
    void aCommandWhoseLinkWentAfterItWasWrittenKeepsItsKey() throws Exception {
        reply = CompletableFuture.completedFuture(new ControlResult.Unavailable("CTI link closed while sending", true));
        CommandBook book = book(ledger);
        now(relay(book, KEY, HOLD));
        reply = CompletableFuture.completedFuture(new ControlResult.Accepted("Hold"));
        CommandReceipt retry = now(relay(book, KEY, HOLD));
        assertTrue(retry.replayed(), "the CTI may have run it: the retry gets the first answer");
        assertEquals(1, sent.size(), "not sent again (a MakeCall must not dial twice)");
    }

    @Test
    void theSameKeyWithAnotherCommandIsAConflictAndNothingIsSent() throws Exception {
        CommandBook book = book(ledger);
        now(relay(book, KEY, HOLD));
        ControlCommand other = new ControlCommand("Hold", Map.of("cid", CallId.ofText("7"), "on", false));
        assertEquals(new ControlResult.KeyConflict("k-1"), now(relay(book, KEY, other)).result());
        assertEquals(1, sent.size());
    }

    @Test
    void aKeyPastTheWindowSendsAgain() throws Exception {
        CommandBook book = book(ledger);
        now(relay(book, KEY, HOLD));
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        CommandReceipt again = now(relay(book, KEY, HOLD));
        assertEquals(new CommandId("c2"), again.id());
        assertFalse(again.replayed());
        assertEquals(2, sent.size());
    }

    @Test
    void aRetryWhileTheFirstIsInFlightWaitsForItsOutcome() throws Exception {
        reply = new CompletableFuture<>();
        CommandBook book = book(ledger);
        CompletionStage<CommandReceipt> first = relay(book, KEY, HOLD);
        CompletableFuture<CommandReceipt> retry = relay(book, KEY, HOLD).toCompletableFuture();
        assertFalse(retry.isDone(), "the first has no outcome yet");
        reply.complete(new ControlResult.Accepted("Hold"));
        assertEquals(new CommandReceipt(new CommandId("c1"), new ControlResult.Accepted("Hold"), false), now(first));
        assertEquals(new CommandReceipt(new CommandId("c1"), new ControlResult.Accepted("Hold"), true), now(retry));
        assertEquals(1, sent.size());
    }

    @Test
    void anAttemptStillInFlightPastTheBoundAnswersTimedOut() throws Exception {
        reply = new CompletableFuture<>(); // never answered: e.g. the instance that sent it died
        CommandBook book = book(ledger);
        relay(book, KEY, HOLD);
        clock.advance(settings.inFlightWait().plusMillis(1));
        assertEquals(new CommandReceipt(new CommandId("c1"), new ControlResult.TimedOut(), true),
                now(relay(book, KEY, HOLD)));
        assertEquals(1, sent.size());
    }

    @Test
    void withAKeyAnUnreachableLedgerSendsNothing() {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> now(relay(book(down()), KEY, HOLD)));
        assertInstanceOf(StoreUnavailableException.class, failed.getCause());
        assertTrue(sent.isEmpty());
    }

    @Test
    void withoutAKeyAnUnreachableLedgerStillLetsTheCommandThroughUnrecorded() throws Exception {
        CommandReceipt receipt = now(relay(book(down()), null, HOLD));
        assertNull(receipt.id());
        assertEquals(new ControlResult.Accepted("Hold"), receipt.result());
        assertEquals(List.of(SENT_HOLD), sent);
    }

    @Test
    void afterALedgerFailureCommandsSkipItForAWhileInsteadOfEachWaitingForTheDatabase() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CommandBook book = book(down(tries));
        now(relay(book, null, HOLD));
        now(relay(book, null, HOLD));
        assertThrows(ExecutionException.class, () -> now(relay(book, KEY, HOLD)));
        assertEquals(1, tries.get(), "one look at the database");
        assertEquals(2, sent.size(), "the keyless ones went out, the keyed one did not");
        clock.advance(CommandBook.RECHECK.dividedBy(2));
        now(relay(book, null, HOLD)); // traffic during the pause must not prolong it
        assertEquals(1, tries.get());
        clock.advance(CommandBook.RECHECK.dividedBy(2));
        now(relay(book, null, HOLD));
        assertEquals(2, tries.get(), "looked again once the pause was over, whatever came during it");
    }

    @Test
    void housekeepingDropsEntriesPastTheRetention() throws Exception {
        CommandBook book = book(ledger);
        now(relay(book, null, HOLD));
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertEquals(0, book.purge());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, book.purge());
    }

    private static CommandLedger down() {
        return down(new AtomicInteger());
    }

    private static CommandLedger down(AtomicInteger tries) {
        return (CommandLedger) Proxy.newProxyInstance(CommandLedger.class.getClassLoader(),
                new Class<?>[] {CommandLedger.class}, (proxy, method, args) -> {
                    tries.incrementAndGet();
                    throw new StoreUnavailableException("ledger switched off by the test", null);
                });
    }
}
