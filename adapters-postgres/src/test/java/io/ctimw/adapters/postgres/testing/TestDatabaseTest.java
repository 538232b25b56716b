package io.ctimw.adapters.postgres.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ctimw.adapters.postgres.PostgresDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {
    private static int userCount(TestDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from users").mapTo(Integer.class).one());
    }

    @Test
    void eachTestDatabaseIsSeparateAndStartsEmpty() {
        try (TestDatabase one = TestDatabase.create(); TestDatabase two = TestDatabase.create()) {
            assertNotEquals(one.jdbcUrl(), two.jdbcUrl());
            one.jdbi().useHandle(h -> h.execute("insert into users values ('alice', 'h', true, now())"));
            assertEquals(1, userCount(one));
            assertEquals(0, userCount(two));
            one.truncate();
            assertEquals(0, userCount(one));
        }
    }

    @Test
    void settingsReachTheSameDatabase() {
        try (TestDatabase db = TestDatabase.create()) {
            db.jdbi().useHandle(h -> h.execute("insert into users values ('bob', 'h', true, now())"));
            try (PostgresDatabase own = PostgresDatabase.start(db.settings(1))) {
                int users = own.jdbi().withHandle(h ->
                        h.createQuery("select count(*) from users").mapTo(Integer.class).one());
                assertEquals(1, users);
            }
        }
    }

    @Test
    void closeDropsTheDatabase() {
        TestDatabase db = TestDatabase.create();
        db.jdbi();
        db.close();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close());
    }
}
