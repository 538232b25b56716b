package io.ctimw.bench.report;

/** Whether a scenario reached its target. */
public enum Outcome {
    MET("yes"), MISSED("**no**"), FAILED("**run failed**");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Outcome of(boolean met) {
        return met ? MET : MISSED;
    }
}
