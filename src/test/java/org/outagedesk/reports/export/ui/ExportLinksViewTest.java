package org.outagedesk.reports.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.incident.SampleIncident;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class ExportLinksViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("agent")
    void the_affected_subscribers_list_offers_xlsx_and_csv_downloads() {
        navigate("subscribers", Component.class);
        Anchor xlsx = $(Anchor.class).withId("export-impacts-xlsx").single();
        Anchor csv = $(Anchor.class).withId("export-impacts-csv").single();
        assertThat(xlsx.getHref()).isNotBlank();
        assertThat(csv.getHref()).isNotBlank().isNotEqualTo(xlsx.getHref());
        assertThat(xlsx.getElement().getTextRecursively()).contains("Export XLSX");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("agent")
    void the_csv_link_downloads_exactly_the_rows_of_the_grids_filter() throws Exception {
        Long incident = jdbc.queryForObject("select id from incident where title = ?", Long.class,
                SampleIncident.TITLE);
        UI.getCurrent().navigate("subscribers", QueryParameters.simple(
                Map.of("incident", String.valueOf(incident), "status", "LOST", "region", "New York Metro")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test($(Anchor.class).withId("export-impacts-csv").single()).download(out);
        String[] lines = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        Set<String> expected = new HashSet<>(jdbc.queryForList("select s.msisdn from impact i"
                + " join subscriber s on s.id = i.subscriber_id where i.incident_id = ? and i.status = 'LOST'"
                + " and i.region = 'New York Metro'", String.class, incident));
        assertThat(expected).as("the sample has LOST subscribers in New York").isNotEmpty();
        assertThat(lines.length - 1).isEqualTo(expected.size());
        Set<String> numbers = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            assertThat(line).contains(",New York Metro,LOST,");
            numbers.add(line.substring(0, line.indexOf(',')));
        }
        assertThat(numbers).isEqualTo(expected);
    }

    @Test
    @WithUserDetails("store")
    void the_store_managers_screen_offers_the_retail_pack() {
        navigate("my-store", Component.class);
        Anchor pack = $(Anchor.class).withId("export-retail-pack").single();
        assertThat(pack.getHref()).isNotBlank();
        assertThat(pack.getElement().getTextRecursively()).contains("Retail pack");
    }

    @Test
    @WithUserDetails("exec")
    void the_stop_sales_screen_offers_every_stores_retail_pack_to_executives() {
        navigate("holds", Component.class);
        assertThat($(Anchor.class).withId("export-retail-pack").single().getHref()).isNotBlank();
    }

    @Test
    @WithUserDetails("agent")
    void agents_get_no_retail_pack_on_the_stop_sales_screen() {
        navigate("holds", Component.class);
        assertThat($(Anchor.class).withId("export-retail-pack").all()).isEmpty();
    }

    @Test
    @WithUserDetails("manager")
    void the_campaigns_screen_offers_the_credits_ledger() {
        navigate("campaigns", Component.class);
        Anchor ledger = $(Anchor.class).withId("export-credits").single();
        assertThat(ledger.getElement().getTextRecursively()).contains("Credits ledger");
    }
}
