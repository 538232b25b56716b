package io.ctimw.core.ledger;

import io.ctimw.core.model.CommandId;
import io.ctimw.core.model.CommandOutcome;
import io.ctimw.core.model.CommandRecord;
import io.ctimw.core.model.IdempotencyKey;
import io.ctimw.core.model.Login;
import io.ctimw.core.port.out.CommandLedger;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link CommandLedger} in this process's memory only: for tests and tools, where keys need not hold
 * across instances or restarts. Obeys the same contract as the stored one.
 */
public final class UnsavedCommandLedger implements CommandLedger {
    private final TreeMap<CommandId, CommandRecord> entries = new TreeMap<>();

    @Override
    public synchronized Optional<CommandRecord> claim(CommandRecord entry, Instant keysSince) {
        if (entry.key() != null) {
            Optional<CommandRecord> holder = holder(entry.login(), entry.key());
            if (holder.isPresent() && !holder.get().at().isBefore(keysSince)) {
                return holder;
            }
            holder.ifPresent(old -> entries.put(old.id(), keyless(old)));
        }
        entries.put(entry.id(), entry);
        return Optional.empty();
    }

    @Override
    public synchronized void complete(CommandId id, CommandOutcome outcome, Instant at, boolean releaseKey) {
        entries.computeIfPresent(id, (k, entry) -> releaseKey ? keyless(entry.completed(outcome, at))
                : entry.completed(outcome, at));
    }

    private static CommandRecord keyless(CommandRecord e) {
        return new CommandRecord(e.id(), e.login(), e.name(), e.fieldsJson(), e.at(), null, e.fingerprint(),
                e.outcome(), e.completedAt());
    }

    @Override
    public synchronized Optional<CommandRecord> find(Login login, CommandId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.login().equals(login));
    }

    @Override
    public synchronized Optional<CommandRecord> findByKey(Login login, IdempotencyKey key, Instant since) {
        return holder(login, key).filter(e -> !e.at().isBefore(since));
    }

    @Override
    public synchronized List<CommandRecord> recent(Login login, CommandId before, int limit) {
        return entries.descendingMap().values().stream()
                .filter(e -> e.login().equals(login) && (before == null || e.id().compareTo(before) < 0))
                .limit(limit).toList();
    }

    @Override
    public synchronized int deleteIssuedBefore(Instant cutoff) {
        int before = entries.size();
        entries.values().removeIf(e -> e.at().isBefore(cutoff));
        return before - entries.size();
    }

    private Optional<CommandRecord> holder(Login login, IdempotencyKey key) {
        return entries.values().stream().filter(e -> e.login().equals(login) && Objects.equals(e.key(), key))
                .max(Comparator.comparing(CommandRecord::id));
    }
}
