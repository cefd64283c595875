package org.outagedesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.security.UserSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class UserListViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_finds_users_by_name_and_creates_one_in_the_dialog() {
        UserListView view = navigate(UserListView.class);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(8);

        $(TextField.class, view).withPropertyValue(TextField::getPlaceholder, "Username or name").single()
                .setValue("Morgan");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).username()).isEqualTo("manager");

        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        test($(Button.class).id("new-user")).click();
        UserDialog dialog = $(UserDialog.class).single();
        test($(TextField.class, dialog).withCaption("Username").single()).setValue(name);
        test($(TextField.class, dialog).withCaption("Name").single()).setValue("Created In Test");
        test($(PasswordField.class, dialog).withCaption("Initial password").single()).setValue("x");
        test($(Button.class).id("user-dialog-save")).click();

        // the password is too short for the rules: the dialog stays open and says so under the field
        PasswordField password = $(PasswordField.class, dialog).withCaption("Initial password").single();
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("at least");

        test(password).setValue("long-enough-password");
        test($(Button.class).id("user-dialog-save")).click();
        assertThat($(UserDialog.class).all()).isEmpty();

        $(TextField.class, view).withPropertyValue(TextField::getPlaceholder, "Username or name").single()
                .setValue(name);
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).displayName()).isEqualTo("Created In Test");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_sets_a_users_address_in_the_dialog_and_a_wrong_one_is_refused_on_the_field() {
        UserListView view = navigate(UserListView.class);
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = $(Grid.class).single();
        $(TextField.class, view).withPropertyValue(TextField::getPlaceholder, "Username or name").single()
                .setValue("Erin");
        assertThat(test(grid).getRow(0).username()).isEqualTo("exec");
        int actions = grid.getColumns().size() - 1;
        String address = "erin-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        try {
            test(find(Button.class, test(grid).getCellComponent(0, actions)).withText("Role").single()).click();
            EmailField email = $(EmailField.class).id("user-email");
            test(email).setValue("not an address");
            test($(Button.class).id("user-dialog-save")).click();
            assertThat(email.isInvalid()).isTrue();
            assertThat(jdbc.queryForObject("select email from app_user where username = 'exec'", String.class))
                    .isNull();
            test(email).setValue(address);
            test($(Button.class).id("user-dialog-save")).click();
            assertThat($(UserDialog.class).all()).isEmpty();
            assertThat(jdbc.queryForObject("select email from app_user where username = 'exec'", String.class))
                    .isEqualTo(address);
        } finally {
            jdbc.update("update app_user set email = null where username = 'exec'");
        }
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_cannot_open_the_users_screen() {
        // Vaadin hides a screen the role may not open: the agent gets "not found", never the users list
        assertThatThrownBy(() -> navigate(UserListView.class)).hasMessageContaining("PageRefusedView");
    }
}
