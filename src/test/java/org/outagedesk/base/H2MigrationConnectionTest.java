package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new H2 database stays writable after the pool has retired every connection it had, the one that ran the
 * migrations included (H2 ties a CHECK constraint's list of constants to the session that created it; see
 * {@link H2MigrationConnection}).
 */
// a second application in this JVM replaces the global security-context strategy: put it back afterwards
@ExtendWith(KeepsSecurityContextStrategy.class)
class H2MigrationConnectionTest {

    @Test
    void a_new_database_takes_writes_after_the_pool_retired_every_connection() {
        TestDatabase.assumeH2("the constraint bug is H2's");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OutageDeskApplication.class)
                .run(Stream.concat(Stream.of(TestDatabase.freshDatabaseArgs("h2-migration")), Stream.of(
                        "--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn",
                        "--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=a-long-and-unusual-secret")).toArray(String[]::new))) {
            HikariDataSource pool = app.getBean(HikariDataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            // what the pool does to each connection after its maximum lifetime
            pool.getHikariPoolMXBean().softEvictConnections();

            int written = jdbc.update("insert into outbox_message (id, kind, event_key, recipient_key, channel, body,"
                    + " status, skip_reason, attempts, not_before, queued_at, done_at) values (next value for"
                    + " outbox_message_seq, 'TEST', 'TEST:h2', 'r', 'SMS', 'Hi', 'SKIPPED', 'test', 0,"
                    + " current_timestamp, current_timestamp, current_timestamp)");

            assertThat(written).isEqualTo(1);
        }
    }
}
