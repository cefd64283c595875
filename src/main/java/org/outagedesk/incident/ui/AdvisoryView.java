package org.outagedesk.incident.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.ZoneId;
import java.util.List;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.Notice;
import org.outagedesk.incident.TimelineService;

/**
 * The public customer advisory: no sign-in, outside the console's frame. For each open incident, "what you should
 * do" and the public updates. It is built only from {@link TimelineService#advisory()}, which carries PUBLIC entries
 * and nothing else, and shows their text as text.
 */
@Route(value = "advisory", autoLayout = false)
@PageTitle("Service advisory")
@AnonymousAllowed
class AdvisoryView extends Div {

    private final TimelineService timeline;

    AdvisoryView(TimelineService timeline) {
        this.timeline = timeline;
        setId("advisory");
        getStyle().set("max-width", "52rem").set("margin", "0 auto").set("padding", "var(--lumo-space-l)");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        render(Times.viewerZone(event.getUI()));
        event.getUI().getPage().retrieveExtendedClientDetails(d -> render(Times.viewerZone(event.getUI())));
    }

    private void render(ZoneId viewer) {
        removeAll();
        add(new H1("Service advisory"));
        List<IncidentBulletin> open = timeline.advisory();
        if (open.isEmpty()) {
            Paragraph none = new Paragraph("All services are running normally. No known outage right now.");
            none.setId("advisory-empty");
            add(none);
            return;
        }
        for (IncidentBulletin b : open) {
            Div incident = new Div();
            incident.addClassNames("mb-l", "advisory-incident");
            H2 title = new H2(b.title());
            Span status = new Span("Status: " + b.status() + " · since "
                    + Times.both(b.startedAt(), b.referenceZone(), viewer) + " · affects "
                    + String.join(", ", b.affectedServices()));
            status.addClassNames("text-s", "text-secondary", "block");
            incident.add(title, status);
            if (!b.guidance().isEmpty()) {
                Div guidance = new Div(new H3("What you should do"));
                guidance.addClassNames("advisory-guidance", "p-m", "my-m", "rounded-l");
                guidance.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4e0)")
                        .set("border-left", "4px solid var(--lumo-warning-color, #b26a00)");
                b.guidance().forEach(n -> guidance.add(notice(n, b.referenceZone(), viewer)));
                incident.add(guidance);
            }
            incident.add(new H3("Updates"));
            if (b.updates().isEmpty()) {
                incident.add(new Paragraph("No update yet."));
            }
            b.updates().forEach(n -> incident.add(notice(n, b.referenceZone(), viewer)));
            add(incident);
        }
    }

    private static Div notice(Notice n, ZoneId reference, ZoneId viewer) {
        Span when = new Span(Times.both(n.occurredAt(), reference, viewer));
        when.addClassNames("text-s", "text-secondary", "block");
        Span text = new Span(n.text());
        text.getStyle().set("white-space", "pre-wrap");
        Div d = new Div(when, text);
        d.addClassNames("mb-m", "advisory-notice");
        return d;
    }

}
