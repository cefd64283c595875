package org.outagedesk.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Your profile: every signed-in role sets their own address and the switch of the e-mails for information. */
@IntegrationTest
class ProfileViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @AfterEach
    void putBack() {
        jdbc.update("update app_user set email = null, info_emails = true where username in ('manager', 'agent',"
                + " 'exec', 'store', 'till')");
    }

    private Map<String, Object> saved(String username) {
        return jdbc.queryForMap("select email, info_emails from app_user where username = ?", username);
    }

    private void setsTheirOwnAddress(String username) {
        navigate(ProfileView.class);
        String address = username + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        test($(EmailField.class).id("profile-email")).setValue(address);
        test($(Checkbox.class).id("profile-info-emails")).click(); // on by default: now off
        test($(Button.class).id("profile-save")).click();
        assertThat(saved(username).get("EMAIL")).isEqualTo(address);
        assertThat(saved(username).get("INFO_EMAILS")).isEqualTo(false);

        navigate(ProfileView.class);
        assertThat($(EmailField.class).id("profile-email").getValue()).isEqualTo(address);
        assertThat($(Checkbox.class).id("profile-info-emails").getValue()).isFalse();
    }

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_sets_their_address_and_switches_information_off() {
        setsTheirOwnAddress("manager");
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_sets_their_address() {
        setsTheirOwnAddress("agent");
    }

    @Test
    @WithUserDetails("exec")
    void an_executive_sets_their_address() {
        setsTheirOwnAddress("exec");
    }

    @Test
    @WithUserDetails("store")
    void a_store_manager_sets_their_address() {
        setsTheirOwnAddress("store");
    }

    @Test
    @WithUserDetails("agent")
    void a_wrong_address_is_refused_on_the_field_and_nothing_is_saved() {
        navigate(ProfileView.class);
        test($(EmailField.class).id("profile-email")).setValue("not an address");
        test($(Button.class).id("profile-save")).click();
        EmailField field = $(EmailField.class).id("profile-email");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Give an e-mail address such as name@example.com");
        assertThat(saved("agent").get("EMAIL")).isNull();
    }
}
