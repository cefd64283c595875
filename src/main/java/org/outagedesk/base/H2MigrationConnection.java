package org.outagedesk.base;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * On H2, Flyway migrates over a connection of its own, kept open while the application runs.
 *
 * <p>H2 2.4.240 ties a CHECK constraint with a list of constants ({@code status in ('QUEUED', ...)}) to the session
 * that created it: once that session is closed while the database stays open, every insert and update of the table
 * fails with "Check constraint invalid" (its cause: "The database has been closed"). On a new database Flyway creates
 * the schema through a connection of the pool, which the pool retires after its maximum lifetime (30 minutes): from
 * then on nothing could be written to the outbox, the impacts and most other tables until the application was
 * started again (the benchmark's notice to a million subscribers stopped so, twice: its database was new). A database
 * opened again loads its constraints with H2's own session, which lives as long as the database, so only the
 * constraints created in this run are at risk, and they stay valid as long as this connection is open.
 * {@code H2MigrationConnectionTest} retires every pooled connection of a new database and writes.
 */
@Component
class H2MigrationConnection implements FlywayConfigurationCustomizer, DisposableBean {

    private final DataSource dataSource;
    private volatile @Nullable SingleConnectionDataSource kept;

    H2MigrationConnection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        HikariDataSource pool;
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return;
            }
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return;
        }
        String url = pool.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        // closing is suppressed: Flyway's close leaves the session open
        SingleConnectionDataSource own = new SingleConnectionDataSource(url, pool.getUsername(), pool.getPassword(),
                true);
        kept = own;
        configuration.dataSource(own);
    }

    @Override
    public void destroy() {
        SingleConnectionDataSource own = kept;
        if (own != null) {
            own.destroy();
        }
    }
}
