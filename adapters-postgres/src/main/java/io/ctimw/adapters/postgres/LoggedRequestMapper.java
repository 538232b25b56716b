package io.ctimw.adapters.postgres;

import io.ctimw.core.model.ApiRequest;
import io.ctimw.core.model.LoggedRequest;
import io.ctimw.core.model.Login;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A {@code request_log} row as a {@link LoggedRequest}. */
final class LoggedRequestMapper implements RowMapper<LoggedRequest> {
    static final String COLUMNS = "id, at, login, attempted_login, client_address, method, path, routed, command,"
            + " status, problem_type, duration_ms";

    @Override
    public LoggedRequest map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LoggedRequest(rs.getLong("id"), Timestamps.read(rs, "at"), new ApiRequest(
                login(rs.getString("login")), login(rs.getString("attempted_login")), rs.getString("client_address"),
                rs.getString("method"), rs.getString("path"), rs.getBoolean("routed"), rs.getString("command"),
                rs.getInt("status"), rs.getString("problem_type"), rs.getLong("duration_ms")));
    }

    static Login login(String value) {
        return value == null || value.isEmpty() ? null : new Login(value);
    }
}
