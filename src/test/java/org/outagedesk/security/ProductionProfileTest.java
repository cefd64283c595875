package org.outagedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outagedesk.Api;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

/** The prod profile: no demo users, no sample data, the first incident manager from the environment. */
@ExtendWith(KeepsSecurityContextStrategy.class)
class ProductionProfileTest {

    private static String[] args(String... extra) {
        return Stream.of(TestDatabase.freshDatabaseArgs("prod"),
                new String[] {"--spring.profiles.active=prod", "--server.port=0", "--logging.level.root=warn"}, extra)
                .flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void prod_refuses_to_start_with_a_default_password() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OutageDeskApplication.class).run(
                args("--outagedesk.security.admin-username=chief", "--outagedesk.security.admin-password=demo")))
                .hasStackTraceContaining("default password");
    }

    @Test
    void prod_refuses_to_start_without_a_first_incident_manager() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OutageDeskApplication.class).run(args()))
                .hasStackTraceContaining("OUTAGEDESK_SECURITY_ADMIN_PASSWORD");
    }

    @Test
    void prod_starts_with_only_the_incident_manager_from_the_environment_and_no_sample_data() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OutageDeskApplication.class).run(
                args("--outagedesk.security.admin-username=chief",
                        "--outagedesk.security.admin-password=a-long-and-unusual-secret"))) {
            UserService users = app.getBean(UserService.class);
            CatalogService catalog = app.getBean(CatalogService.class);
            SystemActor.run(() -> {
                assertThat(users.find(null, null, Pageable.unpaged()).getContent())
                        .extracting(UserSummary::username).containsExactly("chief");
                assertThat(catalog.skus()).isEmpty();
                // issue 16, hole 7: a common password is refused in prod, whatever its length
                assertThatThrownBy(() -> users.create(new NewUser("casual", "Casual", "AGENT", null,
                        "password1234"))).hasMessageContaining("common passwords");
            });
            // the API's description is off in prod unless turned on
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(404);
        }
    }

    @Test
    void the_common_password_list_is_shipped() {
        assertThat(CommonPasswords.size()).isGreaterThan(150);
        assertThat(CommonPasswords.contains("Password1234")).isTrue();
        assertThat(CommonPasswords.contains("a-long-and-unusual-secret")).isFalse();
    }
}
