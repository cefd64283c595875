package org.outagedesk.backups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which databases Outage Desk backs up itself, and what it says about the others. */
class DatabaseKindTest {

    @Test
    void only_the_embedded_h2_file_is_backed_up_here_and_postgresql_is_sent_to_its_own_tools() {
        assertThat(new DatabaseKind("H2", true, false, Path.of("/srv/od")).whyNoBackup()).isNull();
        assertThat(new DatabaseKind("PostgreSQL", false, false, null).whyNoBackup())
                .contains("PostgreSQL", "pg_dump", "pg_basebackup", "README");
        assertThat(new DatabaseKind("H2", false, true, null).whyNoBackup()).contains("in memory");
    }
}
