package org.outagedesk.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ImpactReportDownloadViewTest extends SpringBrowserlessTest {

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    private void theDownloadLinkIsOffered() {
        navigate(ImpactOverviewView.class);
        Anchor link = $(Anchor.class).id("export-impact-report");
        assertThat(link.getHref()).isNotBlank();
        assertThat(find(Button.class, link).single().getText()).isEqualTo("Impact report (XLSX)");
    }

    @Test
    @WithUserDetails("exec")
    void the_executive_can_download_the_impact_report_from_the_overview() {
        theDownloadLinkIsOffered();
    }

    @Test
    @WithUserDetails("manager")
    void the_incident_manager_can_download_the_impact_report_from_the_overview() {
        theDownloadLinkIsOffered();
    }
}
