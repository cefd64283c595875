package org.outagedesk.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.audit.AuditEntry;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class AuditListViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_filters_the_audit_trail_by_user_and_action() {
        navigate(AuditListView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).single();
        int everything = test(grid).size();
        assertThat(everything).isGreaterThan(0);

        @SuppressWarnings("unchecked")
        ComboBox<String> action = $(ComboBox.class).withPropertyValue(ComboBox::getPlaceholder, "Action").single();
        test(action).selectItem("User created"); // actions are listed in words
        $(TextField.class).withPropertyValue(TextField::getPlaceholder, "User").single().setValue("system");

        int created = test(grid).size();
        assertThat(created).isBetween(8, everything);
        for (int row = 0; row < created; row++) {
            assertThat(test(grid).getRow(row).getAction()).isEqualTo("USER_CREATED");
            assertThat(test(grid).getCellText(row, 2)).isEqualTo("User created");
            assertThat(test(grid).getRow(row).getActor()).isEqualTo("system");
        }
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_cannot_open_the_audit_trail() {
        assertThatThrownBy(() -> navigate(AuditListView.class)).hasMessageContaining("PageRefusedView");
    }
}
