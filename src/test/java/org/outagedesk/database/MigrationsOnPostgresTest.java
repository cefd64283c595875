package org.outagedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.outagedesk.OutageDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Larger installations run on PostgreSQL: the same Flyway migrations must apply there, Hibernate must validate the
 * mapping against the resulting schema, and the sample scenario must load through the same code.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.outagedesk.KeepsSecurityContextStrategy.class)
class MigrationsOnPostgresTest {

    @Test
    void the_migrations_apply_to_postgresql_and_the_mapping_validates_against_them() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OutageDeskApplication.class)
                    .profiles("demo")
                    // command-line arguments: they win over application.yml (default properties would not)
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres", "--server.port=0",
                            "--spring.jpa.hibernate.ddl-auto=validate", "--logging.level.root=warn")) {
                assertThat(context.isRunning()).isTrue();
                PostgresChecks.run(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                        postgres.getPostgresDatabase());
            }
            try (Connection c = postgres.getPostgresDatabase().getConnection();
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
