package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.Session;
import io.ctimw.core.model.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code sessions} row as a {@link Session}. */
final class SessionMapper implements RowMapper<Session> {
    static final String COLUMNS = "token_hash, login, created_at, last_seen_at, expires_at, delivered_cursor, client_address";

    @Override
    public Session map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Session(new TokenHash(rs.getString("token_hash")), new Login(rs.getString("login")),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_seen_at"),
                Timestamps.read(rs, "expires_at"), rs.getLong("delivered_cursor"), rs.getString("client_address"));
    }
}
