package org.pmpledger.command.dispatch;

import static org.pmpledger.command.jooq.Tables.DOMAIN_EVENT_ENTRY;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;

/**
 * The last event (version and global position) of several streams in one round trip, as the current transaction
 * sees them: a backward index scan of (aggregate_identifier, sequence_number) per stream. The statement is built
 * with jOOQ from the generated schema and rendered once: every command's answer runs it, and rendering per command
 * would cost more CPU than the query itself.
 */
@Component
class StreamHeads {

    /** A stream's version (events so far) is {@code sequence + 1}. */
    record Head(long sequence, long position) {}

    private final DataSource dataSource;
    private final String sql;

    StreamHeads(DSLContext db, DataSource dataSource) {
        this.dataSource = dataSource;
        Table<?> streams = DSL.unnest(DSL.param("streams", String[].class)).as("s", "stream_id");
        Field<String> stream = DSL.field(DSL.name("s", "stream_id"), String.class);
        Table<?> last = DSL.lateral(DSL.select(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER, DOMAIN_EVENT_ENTRY.GLOBAL_INDEX)
                        .from(DOMAIN_EVENT_ENTRY)
                        .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(stream))
                        .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER.desc())
                        .limit(DSL.inline(1)))
                .as("h");
        this.sql = db.render(db.select(
                        stream,
                        last.field(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER),
                        last.field(DOMAIN_EVENT_ENTRY.GLOBAL_INDEX))
                .from(streams)
                .crossJoin(last));
    }

    /** Stream id → its head; a stream without events is absent. */
    Map<String, Head> of(Collection<String> streamIds) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("varchar", streamIds.toArray());
            query.setArray(1, ids);
            Map<String, Head> heads = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    heads.put(rows.getString(1), new Head(rows.getLong(2), rows.getLong(3)));
                }
            }
            ids.free();
            return heads;
        } catch (SQLException e) {
            throw new SQLExceptionSubclassTranslator().translate("reading stream heads", sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
