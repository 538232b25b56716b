package io.ctimw.bench.chaos;

import io.ctimw.bench.chaos.env.ChaosStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What probes share: the jars, the run's temp folder, one stack for the probes that do not break
 * anything lasting (auth matrix, malformed requests, floods), and fresh stacks for those that do.
 */
public final class ChaosContext implements AutoCloseable {
    private final Path middlewareJar;
    private final Path simulatorJar;
    private final Path root;
    private final List<ChaosStack> stacks = new ArrayList<>();
    private ChaosStack shared;

    public ChaosContext(Path middlewareJar, Path simulatorJar, Path root) {
        this.middlewareJar = middlewareJar;
        this.simulatorJar = simulatorJar;
        this.root = root;
    }

    /** Logins {@code prefix-1} .. {@code prefix-n}. */
    public static List<String> logins(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + "-" + i).toList();
    }

    /**
     * The stack shared by the non-destructive probes: simulator in the driver with numeric cids (string cids
     * come from events the driver emits), operators {@code shared-1..200} and the auth matrix's logins.
     */
    public ChaosStack shared() throws Exception {
        if (shared == null) {
            List<String> operators = new ArrayList<>(logins("shared", 200));
            operators.addAll(List.of("agent-a", "agent-b"));
            shared = ChaosStack.inProcess(middlewareJar, root.resolve("shared"), operators, true);
            stacks.add(shared);
        }
        return shared;
    }

    /** A stack of its own for a probe that breaks things, simulator in the driver. */
    public ChaosStack fresh(String name, List<String> operators) throws Exception {
        ChaosStack s = ChaosStack.inProcess(middlewareJar, root.resolve(name), operators, false);
        stacks.add(s);
        return s;
    }

    /** A stack of its own whose simulator is a separate process (so that it can be killed). */
    public ChaosStack freshWithSimulatorProcess(String name, List<String> operators) throws Exception {
        ChaosStack s = ChaosStack.simulatorProcess(middlewareJar, simulatorJar, root.resolve(name), operators);
        stacks.add(s);
        return s;
    }

    /** Stops the shared stack (if it runs), so that it does not compete for the cores with a fresh one. */
    public void releaseShared() {
        if (shared != null) {
            release(shared);
        }
    }

    /** Stops a fresh stack as soon as its probe is done, so stacks never pile up on the shared cores. */
    public void release(ChaosStack stack) {
        if (stack == shared) {
            shared = null;
        }
        if (stacks.remove(stack)) {
            stack.close();
        }
    }

    @Override
    public void close() {
        List.copyOf(stacks).forEach(this::release);
    }
}
