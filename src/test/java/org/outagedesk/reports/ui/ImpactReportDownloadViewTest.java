package org.outagedesk.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.SampleIncident;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("exec")
    void the_link_downloads_the_report_of_the_incident_shown() throws Exception {
        Long incident = jdbc.queryForObject("select id from incident where title = ?", Long.class,
                SampleIncident.TITLE);
        UI.getCurrent().navigate(ImpactOverviewView.class,
                QueryParameters.simple(Map.of("incident", String.valueOf(incident))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test($(Anchor.class).id("export-impact-report")).download(out);
        try (var wb = new XSSFWorkbook(
                new ByteArrayInputStream(out.toByteArray()))) {
            List<String> texts = new ArrayList<>();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
            assertThat(texts).anySatisfy(t -> assertThat(t).contains(SampleIncident.TITLE));
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
