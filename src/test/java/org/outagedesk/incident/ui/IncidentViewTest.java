package org.outagedesk.incident.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.incident.IncidentStatus;
import org.outagedesk.incident.NewIncident;
import org.outagedesk.incident.Severity;
import org.outagedesk.incident.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@SuppressWarnings("unchecked")
class IncidentViewTest extends SpringBrowserlessTest {

    @Autowired
    IncidentService incidents;
    @Autowired
    Clock clock;

    /** Scanning only the application's packages for routes and testers keeps start-up short. */
    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    private Incident newIncident() {
        return SystemActor.call(() -> incidents.create(new NewIncident("View test outage " + UUID.randomUUID(), "for a view test",
                Severity.SEV2, List.of("web"), "America/Los_Angeles", clock.instant().minus(Duration.ofHours(4)))));
    }

    @SuppressWarnings("unchecked")
    private Grid<TimelineEntry> timeline() {
        return $(Grid.class).id("timeline");
    }

    private Component card(int row) {
        return test(timeline()).getCellComponent(row, 0);
    }

    private String textOf(Component card) {
        return find(Span.class, card).withClassName("od-entry-text").single().getText();
    }

    private void click(String id) {
        test($(Button.class).id(id)).click();
    }

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_changes_status_and_adds_edits_and_retracts_an_entry_with_its_history() {
        Incident incident = newIncident();
        navigate(IncidentView.class);
        ComboBox<Incident> chooser = $(ComboBox.class).id("incident-chooser");
        chooser.setValue(incident);
        assertThat($(Span.class).id("incident-status").getText()).isEqualTo("Investigating");

        click("change-status");
        test((ComboBox<Object>) $(ComboBox.class).id("status-choice")).selectItem("Cause identified");
        test($(TextArea.class).id("status-note")).setValue("cause found");
        click("status-save");
        assertThat($(Span.class).id("incident-status").getText()).isEqualTo("Cause identified");
        assertThat(textOf(card(0))).isEqualTo("Status Investigating → Cause identified. cause found");

        click("add-entry");
        click("entry-save");
        TextArea text = $(TextArea.class).id("entry-text");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).contains("Enter the text");
        String markup = "<img src=x onerror=alert(1)> unique " + UUID.randomUUID();
        test(text).setValue(markup);
        click("entry-save");
        assertThat(test(timeline()).size()).isEqualTo(2);
        Component added = findCard(markup);
        assertThat(textOf(added)).isEqualTo(markup);

        test(find(Button.class, added).withClassName("entry-edit").single()).click();
        test($(TextArea.class).id("entry-text")).setValue("corrected wording");
        click("entry-save");
        Component edited = findCard("corrected wording");
        assertThat(find(Span.class, edited).withClassName("od-entry-by").single().getText())
                .contains("edited by manager");

        test(find(Button.class, edited).withClassName("entry-history").single()).click();
        List<Span> versions = find(Span.class).withTextContaining("Version ").all();
        assertThat(versions).extracting(Span::getText).anyMatch(t -> t.startsWith("Version 2 · manager"))
                .anyMatch(t -> t.startsWith("Version 1 · manager"));
        assertThat($(Span.class).withText(markup).exists()).as("the earlier text is in the history").isTrue();

        test(find(Button.class, findCard("corrected wording")).withClassName("entry-retract").single()).click();
        test($(TextArea.class).id("retract-reason")).setValue("posted too early");
        click("retract-save");
        Component retracted = findCard("corrected wording");
        assertThat(find(Span.class, retracted).withClassName("od-entry-retracted").exists()).isTrue();
        assertThat(find(Span.class, retracted).withClassName("od-entry-by").single().getText())
                .contains("retracted by manager", "posted too early");
        assertThat(find(Button.class, retracted).withClassName("entry-edit").exists()).isFalse();
    }

    private Component findCard(String text) {
        for (int row = 0; row < test(timeline()).size(); row++) {
            if (textOf(card(row)).equals(text)) {
                return card(row);
            }
        }
        throw new AssertionError("no entry with text " + text);
    }

    @Test
    @WithUserDetails("agent")
    void an_agent_reads_the_sample_timeline_with_internal_entries_but_cannot_change_it() {
        navigate(IncidentView.class);
        Incident sample = incidents.findAll().stream()
                .filter(i -> i.getTitle().equals("Sidekick data service outage and data loss")).findFirst()
                .orElseThrow();
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(sample);

        assertThat($(Button.class).withId("add-entry").exists()).isFalse();
        assertThat($(Button.class).withId("change-status").exists()).isFalse();
        boolean internalShown = false;
        for (int row = 0; row < test(timeline()).size(); row++) {
            internalShown |= textOf(card(row)).contains("main and the backup databases");
            assertThat(find(Button.class, card(row)).withClassName("entry-edit").exists()).isFalse();
        }
        assertThat(internalShown).isTrue();
    }

    @Test
    @WithUserDetails("manager")
    void an_incident_manager_opens_an_incident_in_the_console_and_sees_every_missing_field_at_once() {
        navigate(IncidentView.class);
        click("new-incident");
        TextField title = $(TextField.class)
                .id("new-incident-title");
        TextField services = $(TextField.class)
                .id("new-incident-services");
        click("new-incident-save");
        assertThat(title.isInvalid()).as("the title is marked").isTrue();
        assertThat(services.isInvalid()).as("and, at the same time, the services").isTrue();
        assertThat(services.getErrorMessage()).contains("at least one affected service");

        String name = "Console-opened outage " + UUID.randomUUID();
        test(title).setValue(name);
        test(services).setValue("data sync, e-mail");
        click("new-incident-save");
        assertThat($(H2.class).id("incident-title").getText()).isEqualTo(name);
        Incident created = incidents.findAll().stream().filter(i -> i.getTitle().equals(name)).findFirst()
                .orElseThrow();
        assertThat(created.getAffectedServices()).containsExactly("data sync", "e-mail");
        SystemActor.run(() -> incidents.changeStatus(created.getId(),
                IncidentStatus.RESOLVED, "test done", null));
    }

    @Test
    @WithUserDetails("manager")
    void the_entry_and_status_dialogs_show_every_error_at_once_next_to_its_field() {
        Incident incident = newIncident();
        navigate(IncidentView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(incident);

        click("add-entry");
        $(DateTimePicker.class).id("entry-when").clear();
        click("entry-save");
        DateTimePicker when =
                $(DateTimePicker.class).id("entry-when");
        TextArea text = $(TextArea.class).id("entry-text");
        assertThat(when.isInvalid()).isTrue();
        assertThat(when.getErrorMessage()).isEqualTo("Enter when it happened");
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Enter the text of the entry");
        $(Dialog.class).first().close();

        SystemActor.run(() -> incidents.changeStatus(incident.getId(),
                IncidentStatus.RESOLVED, "test", null));
        navigate(IncidentView.class);
        ((ComboBox<Incident>) $(ComboBox.class).id("incident-chooser")).setValue(
                SystemActor.call(() -> incidents.get(incident.getId())));
        click("change-status");
        $(DateTimePicker.class).id("status-when").clear();
        click("status-save");
        assertThat($(ComboBox.class).id("status-choice").isInvalid()).isTrue();
        assertThat($(DateTimePicker.class).id("status-when").isInvalid())
                .isTrue();
        test((ComboBox<Object>) $(ComboBox.class).id("status-choice")).selectItem("Investigating");
        $(DateTimePicker.class).id("status-when")
                .setValue(LocalDateTime.now(incident.getReferenceZone()));
        click("status-save");
        TextArea note = $(TextArea.class).id("status-note");
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Say why the incident is reopened");
    }
}
