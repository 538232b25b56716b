package io.ctimw.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapInfoTest {
    @Test
    void readsG1HeapTotalAndUsed() {
        HeapInfo heap = HeapInfo.parse("""
                24948:
                 garbage-first heap   total 460800K, used 371712K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 120 young (122880K), 5 survivors (5120K)
                """);
        assertEquals(460800L * 1024, heap.committedBytes());
        assertEquals(371712L * 1024, heap.usedBytes());
    }

    @Test
    void unknownOutputGivesNoFigures() {
        assertEquals(new HeapInfo(-1, -1), HeapInfo.parse("12: Could not attach"));
    }

    @Test
    void loginsAreNumberedAndSortable() {
        assertEquals(List.of("agent00001", "agent00002"), BenchContext.logins(2));
    }
}
