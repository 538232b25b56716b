package io.ctimw.bench.chaos.probe;

import java.util.List;
import java.util.Map;

/**
 * What a fault's own figures were (how long the stop took, when /ready came back), on top of the event
 * accounting every fault gets.
 *
 * @param figures "" when the fault has no figure of its own
 * @param target  "" when it has no target of its own
 */
public record Recovery(String figures, String target, boolean met, Map<String, Long> counts, List<String> details) {
    public static Recovery none() {
        return new Recovery("", "", true, Map.of(), List.of());
    }
}
