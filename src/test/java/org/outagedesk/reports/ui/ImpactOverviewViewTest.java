package org.outagedesk.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.text.NumberFormat;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@SuppressWarnings("unchecked")
class ImpactOverviewViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    JdbcTemplate jdbc;

    Incident sample;

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @BeforeEach
    void sampleIncident() {
        sample = SystemActor.call(() -> incidents.findAll()).stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .orElseThrow();
    }

    private String number(String cardId) {
        return find(Span.class, $(Anchor.class).id(cardId)).withClassName("od-card-number").single().getText();
    }

    private long inDatabase(String status) {
        return jdbc.queryForObject("select count(*) from impact where incident_id = ? and status = ?", Long.class,
                sample.getId(), status);
    }

    @Test
    @WithUserDetails("exec")
    void the_executive_reads_the_sample_incidents_figures_with_their_freshness_and_charts() {
        navigate(ImpactOverviewView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(sample);

        assertThat($(Paragraph.class).id("as-of").getText()).startsWith("Figures as of ")
                .contains("incident time");
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        for (String status : new String[] {"LOST", "DEVICE_ONLY", "RECOVERED", "UNKNOWN"}) {
            assertThat(number("card-" + status)).as(status).isEqualTo(n.format(inDatabase(status)));
        }
        assertThat(find(Span.class, $(Anchor.class).id("card-DEVICE_ONLY")).withClassName("od-card-meaning")
                .single().getText()).contains("must not reset");
        assertThat(number("card-violations")).isEqualTo(n.format(jdbc.queryForObject(
                "select count(*) from sale_violation where incident_id = ?", Long.class, sample.getId())));
        assertThat(number("card-time-to-detect")).isNotEqualTo("not yet");

        String status = $(Html.class).id("chart-status").getInnerHtml();
        assertThat(status).contains("Affected subscribers by status", ">Lost<",
                "subscribers?incident=" + sample.getId() + "&amp;status=LOST");
        assertThat($(Html.class).id("chart-region").getInnerHtml()).contains("New York Metro");
        assertThat($(Html.class).id("chart-status-over-time").getInnerHtml())
                .contains("Subscribers by status at the end of each day of the incident (Pacific Time", ">Only on device<");
        assertThat($(Html.class).id("chart-credits").getInnerHtml()).contains("Credits by reason");
        assertThat($(Html.class).id("chart-acknowledgements").getInnerHtml())
                .contains("Stores on hold by region", ">Acknowledged<", ">Overdue<");
    }

    @Test
    @WithUserDetails("exec")
    void total_affected_leaves_out_not_affected_and_an_old_incident_shows_its_dates_and_its_own_days() {
        navigate(ImpactOverviewView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(sample);
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        long notAffected = inDatabase("NOT_AFFECTED");
        long all = jdbc.queryForObject("select count(*) from impact where incident_id = ?", Long.class,
                sample.getId());
        assertThat(notAffected).isPositive();
        assertThat(number("card-total-affected")).isEqualTo(n.format(all - notAffected));
        assertThat(find(Span.class, $(Anchor.class).id("card-total-affected")).withClassName("od-card-meaning")
                .single().getText()).contains("not counting " + n.format(notAffected));

        // the 2009 incident, still open: its start date, not thousands of days
        assertThat(number("card-since-start")).isEqualTo("Oct 2, 2009");
        String daily = $(Html.class).id("chart-status-over-time").getInnerHtml();
        assertThat(daily).contains("2009").doesNotContain(String.valueOf(Year.now().getValue()));
    }

    @Test
    @WithUserDetails("manager")
    void a_region_bar_opens_the_subscriber_list_filtered_to_that_region() {
        navigate(ImpactOverviewView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(sample);
        assertThat($(Html.class).id("chart-region").getInnerHtml())
                .contains("subscribers?incident=" + sample.getId() + "&amp;region=New%20York%20Metro");

        UI.getCurrent().navigate("subscribers", QueryParameters.simple(
                Map.of("incident", String.valueOf(sample.getId()), "region", "New York Metro")));
        assertThat(((ComboBox<String>) $(ComboBox.class).withPropertyValue(ComboBox::getAriaLabel,
                Optional.of("Region")).single()).getValue()).isEqualTo("New York Metro");
    }

    @Test
    @WithUserDetails("exec")
    void clicking_the_lost_card_opens_the_subscriber_list_filtered_to_lost() {
        navigate(ImpactOverviewView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(sample);
        String href = $(Anchor.class).id("card-LOST").getHref();
        assertThat(href).isEqualTo("subscribers?incident=" + sample.getId() + "&status=LOST");

        String[] parts = href.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], QueryParameters.fromString(parts[1]));
        MultiSelectComboBox<DataLossStatus> filter = $(MultiSelectComboBox.class).id("status-filter");
        assertThat(filter.getValue()).containsExactly(DataLossStatus.LOST);
    }
}
