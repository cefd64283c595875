package org.outagedesk.setup.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.AppRoles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The demo installation has everything: every step done, and the incident manager's home is the incident. */
@IntegrationTest
class GettingStartedViewTest extends SpringBrowserlessTest {

    @Autowired
    FirstRunHome firstRunHome;

    @Test
    @WithUserDetails("manager")
    void on_a_complete_installation_every_step_is_done_and_the_home_stays_the_incident() {
        navigate(GettingStartedView.class);
        assertThat($(ListItem.class).all()).hasSize(6)
                .allSatisfy(item -> assertThat(item.getElement().getAttribute("data-done")).isEqualTo("true"));
        assertThat($(Paragraph.class).id("getting-started-summary").getText()).startsWith("Everything is in place");
        assertThat(firstRunHome.homeFor(AppRoles.INCIDENT_MANAGER)).isEmpty();
    }

    @Test
    @WithUserDetails("exec")
    void other_roles_have_no_getting_started_screen() {
        assertThatThrownBy(() -> navigate(GettingStartedView.class)).hasMessageContaining("PageRefusedView");
        assertThat(firstRunHome.homeFor(AppRoles.EXECUTIVE)).isEmpty();
    }
}
