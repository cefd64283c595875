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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails("exec")
    void the_link_downloads_the_report_of_the_incident_shown() throws Exception {
        Long incident = jdbc.queryForObject("select id from incident where title = ?", Long.class,
                org.outagedesk.incident.SampleIncident.TITLE);
        com.vaadin.flow.component.UI.getCurrent().navigate(ImpactOverviewView.class,
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("incident", String.valueOf(incident))));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        test($(Anchor.class).id("export-impact-report")).download(out);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            java.util.List<String> texts = new java.util.ArrayList<>();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(org.outagedesk.incident.SampleIncident.TITLE));
            assertThat(wb.getSheet("Timeline").getLastRowNum() - 1).as("every entry of the incident shown")
                    .isEqualTo(jdbc.queryForObject("select count(*) from timeline_entry where incident_id = ?",
                            Integer.class, incident));
        }
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
