package io.ctimw.adapters.ctiws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rids never repeat, within one link or across links (a restarted process is a new link). */
class RidGeneratorTest {
    @Test
    void ridsAreUniqueWithinAndAcrossInstancesAndRecognisedByTheirOwner() {
        RidGenerator one = new RidGenerator();
        RidGenerator restarted = new RidGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(one.next()));
            assertTrue(seen.add(restarted.next()));
        }
        assertEquals(2000, seen.size());
        String rid = one.next();
        assertTrue(one.owns(rid));
        assertFalse(restarted.owns(rid));
        assertFalse(one.owns("foreign-1"));
    }
}
