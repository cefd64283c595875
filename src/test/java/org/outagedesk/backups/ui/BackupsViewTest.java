package org.outagedesk.backups.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.TestDatabase;
import org.outagedesk.backups.Backup;
import org.outagedesk.backups.BackupService;
import org.outagedesk.base.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class BackupsViewTest extends SpringBrowserlessTest {

    @Autowired
    BackupService backups;

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_sees_the_backups_with_size_and_checksum_and_why_none_can_be_taken_here()
            throws Exception {
        Path folder = SystemActor.call(backups::folder);
        Files.createDirectories(folder);
        String name = "outagedesk-20091012T193000000Z-v7.zip";
        Files.write(folder.resolve(name), new byte[2500]);
        String sha = "ab".repeat(32);
        Files.writeString(folder.resolve(name + ".sha256"), sha + "  " + name + "\n");
        try {
            navigate(BackupsView.class);
            @SuppressWarnings("unchecked")
            Grid<Backup> grid = $(Grid.class).single();
            Backup shown = null;
            for (int row = 0; row < test(grid).size(); row++) {
                if (test(grid).getRow(row).fileName().equals(name)) {
                    shown = test(grid).getRow(row);
                    assertThat(test(grid).getCellText(row, 1)).isEqualTo("2.5 kB");
                    assertThat(test(grid).getCellText(row, 3)).isEqualTo(sha);
                    assertThat(test(grid).getCellText(row, 0)).isEqualTo("Mon 2009-10-12 19:30:00");
                }
            }
            assertThat(shown).isNotNull();
            // the shared test database lives in memory (or on PostgreSQL): the button says why it cannot back it up
            Button now = $(Button.class).id("back-up-now");
            assertThat(now.isEnabled()).isFalse();
            assertThat($(Span.class).id("backup-state").getText())
                    .contains(TestDatabase.postgres() ? "pg_dump" : "in memory");
        } finally {
            Files.deleteIfExists(folder.resolve(name));
            Files.deleteIfExists(folder.resolve(name + ".sha256"));
        }
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_cannot_open_the_backups() {
        assertThatThrownBy(() -> navigate(BackupsView.class)).hasMessageContaining("PageRefusedView");
    }
}
