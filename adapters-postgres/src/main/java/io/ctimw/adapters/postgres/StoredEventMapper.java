package io.ctimw.adapters.postgres;

import io.ctimw.core.model.Login;
import io.ctimw.core.model.StoredEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** An {@code events} row as a {@link StoredEvent}; the json payload comes back as its original text. */
final class StoredEventMapper implements RowMapper<StoredEvent> {
    static final String COLUMNS = "cursor, login, name, payload, received_at";

    @Override
    public StoredEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredEvent(rs.getLong("cursor"), new Login(rs.getString("login")), rs.getString("name"),
                rs.getString("payload"), Timestamps.read(rs, "received_at"));
    }
}
