package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code users} row as a {@link User}. */
final class UserMapper implements RowMapper<User> {
    static final String COLUMNS = "login, password_hash, enabled, created_at";

    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(new Login(rs.getString("login")), rs.getString("password_hash"),
                rs.getBoolean("enabled"), Timestamps.read(rs, "created_at"));
    }
}
