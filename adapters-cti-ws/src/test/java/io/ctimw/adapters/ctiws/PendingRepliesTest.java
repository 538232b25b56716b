package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.core.model.CtiReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each command completes once, and its entry is gone by the time anyone sees the completion. */
class PendingRepliesTest {
    private static final CtiReply OK = new CtiReply.Ok();

    @Test
    void aReplyCompletesOnceAndLeavesNothingBehind() {
        PendingReplies pending = new PendingReplies(Duration.ofSeconds(30));
        CompletableFuture<CtiReply> reply = pending.register("r1", "GetCalls");
        assertEquals(1, pending.size());
        assertTrue(pending.complete("r1", () -> OK));
        assertFalse(pending.complete("r1", () -> OK), "a duplicate reply must not count");
        assertEquals(OK, reply.getNow(null));
        assertEquals(0, pending.size());
    }

    @Test
    void aTimeoutCompletesWithTimedOutAndTheEntryIsGoneWhenTheCallerSeesIt() throws Exception {
        PendingReplies pending = new PendingReplies(Duration.ofMillis(50));
        CompletableFuture<CtiReply> reply = pending.register("r1", "GetCalls");
        assertInstanceOf(CtiReply.TimedOut.class, reply.get(10, TimeUnit.SECONDS));
        assertEquals(0, pending.size(), "the timed-out entry must be removed before the caller is told");
        assertFalse(pending.complete("r1", () -> OK), "a reply after the timeout is late");
    }

    @Test
    void repliesRacingALinkLossCompleteEveryCommandExactlyOnce() throws Exception {
        PendingReplies pending = new PendingReplies(Duration.ofSeconds(30));
        int commands = 2000;
        List<CompletableFuture<CtiReply>> replies = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            replies.add(pending.register("r" + i, "GetCalls"));
        }
        boolean[] answered = new boolean[commands];
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        Thread reader = new Thread(() -> {
            await(go);
            for (int i = 0; i < commands; i++) {
                answered[i] = pending.complete("r" + i, () -> OK);
            }
            done.countDown();
        });
        Thread closer = new Thread(() -> {
            await(go);
            CtiReply down = new CtiReply.LinkDown("dropped");
            pending.takeAll().forEach(f -> f.complete(down));
            done.countDown();
        });
        reader.start();
        closer.start();
        go.countDown();
        assertTrue(done.await(10, TimeUnit.SECONDS));
        reader.join();
        for (int i = 0; i < commands; i++) {
            CtiReply reply = replies.get(i).getNow(null);
            assertEquals(answered[i] ? OK : new CtiReply.LinkDown("dropped"), reply, "command " + i);
        }
        assertEquals(0, pending.size());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
