package org.outagedesk.credits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.QueryParameters;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.impact.ImpactService;
import org.outagedesk.impact.ImportMode;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class CreditViewsTest extends SpringBrowserlessTest {

    @Autowired
    ImpactService impacts;
    @Autowired
    IncidentService incidents;
    @Autowired
    CreditService credits;

    long incident;
    String msisdn;

    @BeforeEach
    void ownSubscriber() {
        incident = SystemActor.call(() -> incidents.create(new NewIncident("Credit view test " + UUID.randomUUID(),
                "test", Severity.SEV3, List.of("test"), "America/Los_Angeles", Instant.parse("2001-01-01T00:00:00Z"))))
                .getId();
        msisdn = "+1855" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        String csv = "msisdn,account,name,sku,store,data_plan,status,categories,last_sync\n" + msisdn
                + ",ACC-CV,Casey Credit,SK-LX09-CARBLA,D-NY-UWS-01,true,LOST,PHOTOS,\n";
        SystemActor.run(() -> impacts.importCsv(incident, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                -1, "credit-view.csv", ImportMode.ALL_OR_NOTHING));
    }

    private void open() {
        UI.getCurrent().navigate(SubscriberCreditsView.class, QueryParameters.simple(Map.of("msisdn", msisdn,
                "incident", String.valueOf(incident))));
    }

    @SuppressWarnings("unchecked")
    private void issue(String amount) {
        test($(Button.class).withId("credits-issue").single()).click();
        ComboBox<ReasonCode> reason = $(ComboBox.class).withId("credit-reason").single();
        reason.setValue(reason.getListDataView().getItems().filter(r -> r.code().equals("GOODWILL")).findFirst()
                .orElseThrow());
        $(BigDecimalField.class).withId("credit-amount").single().setValue(new BigDecimal(amount));
        test($(Button.class).withId("credit-issue").single()).click();
    }

    @Test
    @WithUserDetails("agent")
    void agent_sees_the_room_under_the_cap_and_a_credit_above_the_limit_waits_for_approval() {
        open();
        assertThat($(Span.class).withId("credits-room").single().getText()).contains("$150.00 of room left");
        issue("20.00");
        assertThat($(Span.class).withId("credits-room").single().getText()).contains("$130.00 of room left");
        issue("26.00");
        List<CreditRecord> list = credits.ofSubscriber(msisdn, incident);
        assertThat(list).extracting(CreditRecord::status).containsExactlyInAnyOrder(CreditStatus.ISSUED,
                CreditStatus.PENDING_APPROVAL);
        assertThat(test($(Grid.class).first()).size()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("agent")
    void a_credit_above_the_room_is_refused_next_to_the_amount() {
        open();
        issue("25.00");
        issue("25.00");
        issue("25.00");
        issue("25.00");
        issue("25.00");
        issue("25.00");
        issue("25.00");
        BigDecimalField amount = $(BigDecimalField.class).withId("credit-amount").single();
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).contains("$0.00 of room left");
    }

    @Test
    @WithUserDetails("exec")
    void executives_read_credits_but_cannot_issue() {
        open();
        assertThat($(Span.class).withId("credits-room").single().getText()).contains("room left");
        assertThat($(Button.class).withId("credits-issue").all()).as("no visible issue button").isEmpty();
    }

    @Test
    @WithUserDetails("agent")
    void the_credit_dialog_shows_every_missing_field_at_once() {
        open();
        test($(Button.class).withId("credits-issue").single()).click();
        test($(Button.class).withId("credit-issue").single()).click();
        ComboBox<?> reason = $(ComboBox.class).withId("credit-reason").single();
        BigDecimalField amount = $(BigDecimalField.class).withId("credit-amount").single();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Choose a reason code");
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).contains("Enter the amount");
    }
}
