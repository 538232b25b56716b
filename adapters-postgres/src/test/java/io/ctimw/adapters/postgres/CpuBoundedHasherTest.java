package io.ctimw.adapters.postgres;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.Password;
import io.ctimw.core.port.out.PasswordHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CpuBoundedHasherTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private final HeldHasher inner = new HeldHasher();

    @AfterEach
    void stop() {
        inner.release.countDown();
        callers.shutdownNow();
    }

    @Test
    void aCheckBeyondTheBoundWaitsForATurnInsteadOfTakingAnotherCore() {
        CpuBoundedHasher bounded = new CpuBoundedHasher(inner, 1);
        List<CompletableFuture<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checks.add(CompletableFuture.supplyAsync(() -> bounded.matches(new Password("pw"), "hash"), callers));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> bounded.waiting() == 2);
        assertEquals(1, inner.entered.get(), "only one hash runs while the others wait their turn");

        inner.release.countDown();
        checks.forEach(c -> assertTrue(c.join()));
        assertEquals(3, inner.entered.get());
        assertEquals(1, inner.mostAtOnce.get());
    }

    @Test
    void twoCoresLeaveOneFreeAndOneCoreStillChecks() {
        assertEquals(1, CpuBoundedHasher.forCores(1));
        assertEquals(1, CpuBoundedHasher.forCores(2));
        assertEquals(3, CpuBoundedHasher.forCores(4));
        assertThrows(IllegalArgumentException.class, () -> new CpuBoundedHasher(inner, 0));
    }

    @Test
    void hashesAreBoundedToo() {
        CpuBoundedHasher bounded = new CpuBoundedHasher(inner, 1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bounded.hash(new Password("a")), callers);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> bounded.matches(new Password("b"), "h"), callers);

        await().atMost(Duration.ofSeconds(10)).until(() -> bounded.waiting() == 1);
        assertEquals(1, inner.entered.get());
        inner.release.countDown();
        assertEquals("hashed", first.join());
        assertTrue(second.join());
    }

    /** Blocks every call until released, counting how many are inside at once. */
    private static final class HeldHasher implements PasswordHasher {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger entered = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public String hash(Password password) {
            hold();
            return "hashed";
        }

        @Override
        public boolean matches(Password password, String hash) {
            hold();
            return true;
        }

        private void hold() {
            entered.incrementAndGet();
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        }
    }
}
