package io.ctimw.adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ctimw.adapters.postgres.testing.TestDatabase;
import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.PendingEvent;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.StatsQuery;
import io.ctimw.core.model.StoredEvent;
import io.ctimw.core.model.TokenHash;
import io.ctimw.core.model.User;
import io.ctimw.core.model.UserQuery;
import io.ctimw.core.testing.QuarantineRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A database created and filled by an earlier version of the middleware is upgraded in place at start. */
class SchemaMigrationTest {
    /** The highest migration this build ships (V<n>__*.sql on the classpath). */
    private static final String LATEST = Integer.toString(TestDatabase.shippedMigrations().stream()
            .mapToInt(Integer::intValue).max().orElseThrow());
    private static final Login ALICE = new Login("alice");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final TestDatabase db = TestDatabase.create();

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void v2TheEventQuarantineAppliesOnAV1DatabaseWithRowsAndKeepsThem() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("1").load().migrate();
        Jdbi v1 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v1.useHandle(h -> {
            h.execute("insert into users values ('alice', 'hash', true, '2026-03-01T07:00:00Z')");
            h.execute("insert into sessions (token_hash, login, created_at, last_seen_at, expires_at, delivered_cursor)"
                    + " values ('t1', 'alice', now(), now(), now() + interval '1 hour', 1)");
            h.execute("insert into events (login, name, payload, received_at)"
                    + " values ('alice', 'Before', '{\"name\":\"Before\"}', '2026-03-01T08:00:00Z')");
        });
        assertNull(v1.withHandle(h -> h.createQuery("select to_regclass('event_quarantine')::text")
                .mapTo(String.class).one()), "the database must start at V1");

        JdbiEventStore events = new JdbiEventStore(db.database().jdbi()); // start: migrates to V2

        String version = db.jdbi().withHandle(h -> h.createQuery(
                "select version from flyway_schema_history where success order by installed_rank desc limit 1")
                .mapTo(String.class).one());
        assertEquals(LATEST, version, "migrated to this release's latest version");
        List<StoredEvent> before = events.after(ALICE, 0, 10);
        assertEquals(List.of("Before"), before.stream().map(StoredEvent::name).toList());
        StoredEvent after = events.append(List.of(new PendingEvent(ALICE, "After", "{}", T0.plusSeconds(1)))).get(0);
        assertTrue(after.cursor() > before.get(0).cursor(), "cursors continue after the upgrade");
        int kept = db.jdbi().withHandle(h -> h.createQuery(
                "select (select count(*) from users) + (select count(*) from sessions where delivered_cursor = 1)")
                .mapTo(Integer.class).one());
        assertEquals(2, kept);

        events.quarantine(new PendingEvent(ALICE, "Bad\0", "{\"name\":\"Bad\\u0000\"}", T0.plusSeconds(2)), "why");
        assertEquals(List.of(new QuarantineRow(ALICE, "{\"name\":\"Bad\\u0000\"}", T0.plusSeconds(2), "why")),
                QuarantineRows.read(db.jdbi()));
    }

    @Test
    void v3RolesAndGrantsApplyOnAV2DatabaseAndExistingUsersKeepEveryMethod() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        Jdbi v2 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v2.useHandle(h -> h.execute("insert into users values ('alice', 'hash', false, '2026-03-01T07:00:00Z')"));

        User alice = new JdbiUserStore(db.database().jdbi()).find(ALICE).orElseThrow(); // start: migrates

        assertEquals(new User(ALICE, "hash", false, Instant.parse("2026-03-01T07:00:00Z"), Role.AGENT, Grants.ALL,
                null), alice);
    }

    @Test
    void v4SessionAddressesApplyOnAV3DatabaseWithUsersAndSessionsAndKeepThem() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi v3 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        Instant expires = Instant.parse("2099-01-01T00:00:00Z");
        v3.useHandle(h -> {
            h.execute("insert into users (login, password_hash, enabled, created_at, role, grants)"
                    + " values ('root', 'hash', true, '2026-03-01T07:00:00Z', 'admin', array[]::text[])");
            h.execute("insert into users values ('alice', 'hash', true, '2026-03-01T07:00:00Z')");
            h.execute("insert into sessions (token_hash, login, created_at, last_seen_at, expires_at, delivered_cursor)"
                    + " values ('" + "a".repeat(64) + "', 'alice', '2026-03-01T08:00:00Z', '2026-03-01T08:30:00Z',"
                    + " '2099-01-01T00:00:00Z', 5)");
        });
        int addressColumns = v3.withHandle(h -> h.createQuery("select count(*) from information_schema.columns"
                + " where table_name = 'sessions' and column_name = 'client_address'").mapTo(Integer.class).one());
        assertEquals(0, addressColumns,
                "the database must start at V3");

        JdbiSessionStore sessions = new JdbiSessionStore(db.database().jdbi()); // start: migrates
        JdbiUserStore users = new JdbiUserStore(db.database().jdbi());

        Session kept = new Session(new TokenHash("a".repeat(64)), ALICE, Instant.parse("2026-03-01T08:00:00Z"),
                Instant.parse("2026-03-01T08:30:00Z"), expires, 5, null);
        assertEquals(List.of(kept), sessions.live(T0, T0.minusSeconds(3600)));
        assertEquals(List.of("alice 1", "root 0"), users.list(new UserQuery(null, null, null, null, null, 10), T0,
                T0.minusSeconds(3600)).stream().map(u -> u.user().login() + " " + u.activeSessions()).toList());
        Session fresh = new Session(new TokenHash("b".repeat(64)), ALICE, T0, T0, expires, 0, "192.0.2.1");
        sessions.save(fresh);
        assertEquals(Optional.of(fresh), sessions.find(fresh.tokenHash()));
    }

    @Test
    void v6TheAuditTrailAppliesOnAV3DatabaseAndKeepsItsUsersAndEvents() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi v3 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v3.useHandle(h -> {
            h.execute("insert into users (login, password_hash, enabled, created_at, role) values"
                    + " ('alice', 'hash', true, '2026-03-01T07:00:00Z', 'admin')");
            h.execute("insert into events (login, name, payload, received_at)"
                    + " values ('alice', 'Before', '{}', '2026-03-01T08:00:00Z')");
        });

        JdbiAuditArchive audit = new JdbiAuditArchive(db.database().jdbi()); // start: migrates
        audit.append(List.of(io.ctimw.core.model.AuditEntry.event(T0, io.ctimw.core.model.AuditAction.ADMIN_DENIED,
                ALICE, null, "role admin", null)));

        assertEquals(1, audit.page(io.ctimw.core.model.AuditQuery.newest(10)).entries().size());
        assertEquals(Role.ADMIN, new JdbiUserStore(db.jdbi()).find(ALICE).orElseThrow().role());
        assertEquals(List.of("Before"), new JdbiEventStore(db.jdbi()).after(ALICE, 0, 10).stream()
                .map(StoredEvent::name).toList());
    }

    @Test
    void v8TheSettingsTableAppliesOnAV3DatabaseAndUsersAreKept() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi v3 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v3.useHandle(h -> h.execute("insert into users (login, password_hash, enabled, created_at, role, grants)"
                + " values ('alice', 'hash', true, '2026-03-01T07:00:00Z', 'admin', array['events'])"));

        JdbiSettingStore settings = new JdbiSettingStore(db.database().jdbi()); // start: migrates

        assertEquals(java.util.Map.of(), settings.all(), "no stored value: the config file's values apply");
        User alice = new JdbiUserStore(db.database().jdbi()).find(ALICE).orElseThrow();
        assertEquals(Role.ADMIN, alice.role());
        assertEquals(List.of("events"), alice.grants().names());
    }

    @Test
    void v5TheRequestLogAppliesOnAV3DatabaseWithUsersAndEventsAndKeepsThem() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("3").load().migrate();
        Jdbi v3 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v3.useHandle(h -> {
            h.execute("insert into users (login, password_hash, enabled, created_at) values ('alice', 'hash', true, now())");
            h.execute("insert into events (login, name, payload, received_at)"
                    + " values ('alice', 'Before', '{\"name\":\"Before\"}', '2026-03-01T08:00:00Z')");
        });

        JdbiRequestLogStore log = new JdbiRequestLogStore(db.database().jdbi()); // start: migrates
        log.append(List.of(), List.of());

        int kept = db.jdbi().withHandle(h -> h.createQuery(
                "select (select count(*) from users) + (select count(*) from events)"
                        + " + (select count(*) from request_log) + (select count(*) from request_counts)")
                .mapTo(Integer.class).one());
        assertEquals(2, kept, "the user and the event are kept, the new tables start empty");
    }

    @Test
    void v9TheDailyCountersAreSummedFromTheHourlyOnesOfAV8Database() {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration").target("8").load().migrate();
        Jdbi v8 = Jdbi.create(db.jdbcUrl(), db.user(), db.password());
        v8.useHandle(h -> h.execute("insert into request_counts (hour, login, method, status, calls) values"
                + " ('2026-03-01T22:00:00Z', 'alice', 'control:Answer', 200, 5),"
                + " ('2026-03-01T23:00:00Z', 'alice', 'control:Answer', 200, 2),"
                + " ('2026-03-02T01:00:00Z', 'alice', 'control:Answer', 200, 3)"));

        JdbiRequestLogStore log = new JdbiRequestLogStore(db.database().jdbi()); // start: migrates
        LocalDate first = LocalDate.parse("2026-03-01");
        LocalDate second = first.plusDays(1);

        assertEquals(List.of(new StatsQuery.DayCount(first, ALICE, null, 200, 7),
                new StatsQuery.DayCount(second, ALICE, null, 200, 3)), log.countsPerDay(
                new StatsQuery(first, second, ZoneOffset.UTC, null, true, false).days(), null, true, false).stream()
                .sorted(java.util.Comparator.comparing(StatsQuery.DayCount::day)).toList());
        assertEquals(List.of(new StatsQuery.DayCount(second, ALICE, null, 200, 10)), log.countsPerDay(
                new StatsQuery(first, second, ZoneOffset.ofHours(2), null, true, false).days(), null, true, false),
                "at +02:00 every call is the 2nd's: the 1st's UTC day less its last two hours sums to nothing");
    }


    @Test
    void aSchemaWrittenByANewerReleaseIsRefusedWithOneLineSayingWhy() {
        db.database(); // migrated to this release's latest version
        db.jdbi().useHandle(h -> h.execute("insert into flyway_schema_history (installed_rank, version, description,"
                + " type, script, checksum, installed_by, execution_time, success) values"
                + " (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, true)"));

        PostgresStartupException refused = assertThrows(PostgresStartupException.class,
                () -> PostgresDatabase.start(db.settings(2)));

        assertTrue(refused.getMessage().contains("is at version 99, newer than this release knows (" + LATEST + ")"),
                refused.getMessage());
        int future = db.jdbi().withHandle(h -> h.createQuery(
                "select count(*) from flyway_schema_history where version = '99'").mapTo(Integer.class).one());
        assertEquals(1, future, "nothing was changed");
    }
}
