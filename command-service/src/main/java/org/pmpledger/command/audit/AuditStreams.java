package org.pmpledger.command.audit;

import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.pmpledger.web.ServiceBusy;

/**
 * The connections the audit's streamed reads use (a plan's whole history, the whole log as JSON lines): a small pool of
 * their own ({@code pmp.audit.stream-connections}, default 4), so readers that take their time never hold the
 * connections commands need. A stream that finds none free within 2 s is answered 503 with Retry-After. Its
 * transactions may stay open while a slow reader takes its lines (10 minutes at most).
 */
@Component
class AuditStreams implements DisposableBean {

    private final HikariDataSource pool;
    private final DSLContext db;

    AuditStreams(DataSource service, @Value("${pmp.audit.stream-connections:4}") int connections) {
        HikariDataSource servicePool = (HikariDataSource) service;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(servicePool.getJdbcUrl());
        config.setUsername(servicePool.getUsername());
        config.setPassword(servicePool.getPassword());
        config.setPoolName("audit-streams");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2000);
        // the service pool's driver properties, but a stream's transaction may stay open while a slow reader reads
        Properties properties = new Properties();
        properties.putAll(servicePool.getDataSourceProperties());
        properties.setProperty("options", "-c statement_timeout=60s -c idle_in_transaction_session_timeout=600s");
        properties.setProperty("socketTimeout", "600");
        config.setDataSourceProperties(properties);
        this.pool = new HikariDataSource(config);
        this.db = DSL.using(pool, SQLDialect.POSTGRES);
    }

    /** Runs {@code read} in a transaction of its own on this pool (cursors need one). */
    void read(Consumer<DSLContext> read) {
        try {
            db.transaction(configuration -> read.accept(configuration.dsl()));
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLTransientConnectionException
                    || e.getCause() instanceof HikariPool.PoolInitializationException) {
                throw new ServiceBusy(
                        "audit-streams-busy",
                        "Every connection for streamed audit reads is taken by other " + "readers; retry shortly.");
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
