package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Grants;
import io.ctimw.core.model.Login;
import io.ctimw.core.model.Role;
import io.ctimw.core.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code users} row as a {@link User}. */
final class UserMapper implements RowMapper<User> {
    static final String COLUMNS = "login, password_hash, enabled, created_at, role, grants, last_login_at";

    @Override
    public User map(ResultSet rs, StatementContext ctx) throws SQLException {
        String[] grants = (String[]) rs.getArray("grants").getArray();
        return new User(new Login(rs.getString("login")), rs.getString("password_hash"),
                rs.getBoolean("enabled"), Timestamps.read(rs, "created_at"), Role.parse(rs.getString("role")),
                Grants.parse(Arrays.asList(grants)),
                rs.getObject("last_login_at") == null ? null : Timestamps.read(rs, "last_login_at"));
    }
}
