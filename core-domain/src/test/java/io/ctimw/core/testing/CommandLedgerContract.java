package io.ctimw.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CommandLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link CommandLedger} must do; extend it with a factory for the implementation under test. */
public abstract class CommandLedgerContract {
    private static final Instant T0 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Login ALICE = new Login("alice");
    private static final Login BOB = new Login("bob");
    private static final IdempotencyKey KEY = new IdempotencyKey("retry-1");

    /** A fresh ledger with nothing stored. */
    protected abstract CommandLedger newEmptyLedger();

    static CommandRecord entry(String id, Login login, Instant at, IdempotencyKey key) {
        return new CommandRecord(new CommandId(id), login, "Hold", "{\"cid\":2,\"on\":true}", at, key,
                "f-" + id, CommandOutcome.SENT, null);
    }

    @Test
    void storesACommandAndShowsItOnlyToItsLogin() {
        CommandLedger ledger = newEmptyLedger();
        CommandRecord sent = entry("c1", ALICE, T0, null);
        assertEquals(Optional.empty(), ledger.claim(sent, T0.minus(Duration.ofDays(1))));
        assertEquals(Optional.of(sent), ledger.find(ALICE, sent.id()));
        assertEquals(Optional.empty(), ledger.find(BOB, sent.id()), "another login's command is not found");
        assertEquals(Optional.empty(), ledger.find(ALICE, new CommandId("c2")));
    }

    @Test
    void keepsTheOutcomeWithTheCtisReply() {
        CommandLedger ledger = newEmptyLedger();
        ledger.claim(entry("c1", ALICE, T0, KEY), T0);
        CommandOutcome refused = new CommandOutcome(CommandOutcome.Status.REFUSED, "Error", "no such call \u00e9");
        ledger.complete(new CommandId("c1"), refused, T0.plusMillis(40), false);
        CommandRecord stored = ledger.find(ALICE, new CommandId("c1")).orElseThrow();
        assertEquals(entry("c1", ALICE, T0, KEY).completed(refused, T0.plusMillis(40)), stored);
        assertEquals(stored, ledger.findByKey(ALICE, KEY, T0).orElseThrow());
    }

    @Test
    void anOutcomeMayGiveTheKeyUp() {
        CommandLedger ledger = newEmptyLedger();
        ledger.claim(entry("c1", ALICE, T0, KEY), T0);
        ledger.complete(new CommandId("c1"), new CommandOutcome(CommandOutcome.Status.CTI_DOWN, null, "down"), T0, true);
        assertNull(ledger.find(ALICE, new CommandId("c1")).orElseThrow().key());
        assertEquals(Optional.empty(), ledger.claim(entry("c2", ALICE, T0.plusSeconds(1), KEY), T0));
    }

    @Test
    void aKeyStandsForOneCommandPerLogin() {
        CommandLedger ledger = newEmptyLedger();
        CommandRecord first = entry("c1", ALICE, T0, KEY);
        ledger.claim(first, T0);
        assertEquals(Optional.of(first), ledger.claim(entry("c2", ALICE, T0.plusSeconds(1), KEY), T0));
        assertEquals(Optional.empty(), ledger.find(ALICE, new CommandId("c2")), "the loser is not stored");
        assertEquals(Optional.empty(), ledger.claim(entry("c3", BOB, T0.plusSeconds(1), KEY), T0),
                "another login's same key is its own");
    }

    @Test
    void aKeyPastItsWindowIsGivenUpAndItsHolderKept() {
        CommandLedger ledger = newEmptyLedger();
        ledger.claim(entry("c1", ALICE, T0, KEY), T0);
        Instant later = T0.plus(Duration.ofHours(25));
        Instant windowStart = later.minus(Duration.ofHours(24));
        assertEquals(Optional.empty(), ledger.findByKey(ALICE, KEY, windowStart));
        assertEquals(Optional.empty(), ledger.claim(entry("c2", ALICE, later, KEY), windowStart));
        assertNull(ledger.find(ALICE, new CommandId("c1")).orElseThrow().key(), "the old entry stays, keyless");
        assertEquals(new CommandId("c2"), ledger.findByKey(ALICE, KEY, windowStart).orElseThrow().id());
    }

    @Test
    void listsALoginsCommandsNewestFirstInPages() {
        CommandLedger ledger = newEmptyLedger();
        for (int i = 1; i <= 5; i++) {
            ledger.claim(entry("c" + i, ALICE, T0.plusSeconds(i), null), T0);
            ledger.claim(entry("d" + i, BOB, T0.plusSeconds(i), null), T0);
        }
        assertEquals(List.of("c5", "c4"), ids(ledger.recent(ALICE, null, 2)));
        assertEquals(List.of("c3", "c2", "c1"), ids(ledger.recent(ALICE, new CommandId("c4"), 10)));
        assertEquals(List.of(), ids(ledger.recent(ALICE, new CommandId("c1"), 10)));
    }

    @Test
    void deletesEntriesIssuedBeforeTheCutoff() {
        CommandLedger ledger = newEmptyLedger();
        ledger.claim(entry("c1", ALICE, T0, null), T0);
        ledger.claim(entry("c2", ALICE, T0.plusSeconds(10), null), T0);
        assertEquals(1, ledger.deleteIssuedBefore(T0.plusSeconds(5)));
        assertEquals(List.of("c2"), ids(ledger.recent(ALICE, null, 10)));
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneWins() throws Exception {
        CommandLedger ledger = newEmptyLedger();
        int claimers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<Optional<CommandRecord>>> results = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                CommandRecord mine = entry("c" + i, ALICE, T0, KEY);
                Callable<Optional<CommandRecord>> claim = () -> {
                    start.await();
                    return ledger.claim(mine, T0);
                };
                results.add(pool.submit(claim));
            }
            start.countDown();
            List<Optional<CommandRecord>> outcomes = new ArrayList<>();
            for (Future<Optional<CommandRecord>> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), "one claim stores");
            CommandId winner = ledger.findByKey(ALICE, KEY, T0).orElseThrow().id();
            assertTrue(outcomes.stream().filter(Optional::isPresent).allMatch(o -> o.get().id().equals(winner)),
                    "every other claim is answered with the winner");
            assertEquals(1, ledger.recent(ALICE, null, 100).size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> ids(List<CommandRecord> records) {
        return records.stream().map(r -> r.id().value()).toList();
    }
}
