package org.outagedesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outagedesk.KeepsSecurityContextStrategy;
import org.outagedesk.OutageDeskApplication;
import org.outagedesk.TestDatabase;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.SystemActor;
import org.outagedesk.security.NewUser;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

/** The embedded default keeps its data in files: a second start finds what the first one left. */
@ExtendWith(KeepsSecurityContextStrategy.class)
class RestartKeepsDataTest {

    @BeforeAll
    static void h2Only() {
        TestDatabase.assumeH2("checks the embedded H2 database files in the data folder");
    }

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OutageDeskApplication.class).run("--outagedesk.data-dir=" + dataDir,
                "--server.port=0", "--logging.level.root=warn");
    }

    @Test
    void a_second_start_keeps_the_data_of_the_first_and_does_not_load_the_sample_again() {
        try (ConfigurableApplicationContext first = start()) {
            SystemActor.run(() -> first.getBean(UserService.class)
                    .create(new NewUser("kept", "Kept User", AppRoles.AGENT, null, "kept-password")));
        }
        assertThat(Files.exists(dataDir.resolve("outagedesk.mv.db"))).isTrue();
        try (ConfigurableApplicationContext second = start()) {
            var users = SystemActor.call(() -> second.getBean(UserService.class)
                    .find(null, null, Pageable.unpaged()).getContent());
            assertThat(users).extracting(UserSummary::username).contains("kept", "manager");
            assertThat(users).filteredOn(u -> u.username().equals("manager")).hasSize(1);
        }
    }
}
