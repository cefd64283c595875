package org.outagedesk.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.Money;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.impact.DataLossStatus;
import org.outagedesk.impact.StatusOnDay;
import org.outagedesk.incident.Incident;
import org.outagedesk.notices.NoticeFigures;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.reports.ImpactSummary;
import org.outagedesk.reports.ImpactSummaryService;
import org.outagedesk.reports.SvgBarChart;
import org.outagedesk.reports.export.ImpactReportExport;
import org.outagedesk.reports.export.ui.ExportDownloads;

/**
 * The executive's home: the chosen incident at a glance. Each card is a number with what it means and links to the
 * screen behind it; the charts are SVG drawn on the server. Figures are computed when the screen opens, when the
 * incident changes and on "Refresh", and the screen says when.
 */
@Route("impact")
@PageTitle("Impact overview")
@Menu(order = 60, icon = "vaadin:chart", title = "Impact overview")
@RolesAllowed({AppRoles.EXECUTIVE, AppRoles.INCIDENT_MANAGER})
class ImpactOverviewView extends VerticalLayout implements BeforeEnterObserver {

    /** The statuses the executive tracks, in the order a reader weighs them (worst first). */
    static final List<DataLossStatus> STATUSES = List.of(DataLossStatus.LOST, DataLossStatus.DEVICE_ONLY,
            DataLossStatus.RECOVERED, DataLossStatus.UNKNOWN);
    private static final Map<DataLossStatus, String> MEANING = Map.of(
            DataLossStatus.LOST, "subscribers whose data is gone for good",
            DataLossStatus.DEVICE_ONLY, "subscribers whose phone holds the only copy: they must not reset it",
            DataLossStatus.RECOVERED, "subscribers whose data was restored",
            DataLossStatus.UNKNOWN, "subscribers not yet assessed");
    private static final NumberFormat NUMBER = NumberFormat.getIntegerInstance(Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.US);

    private static final int DAYS_SHOWN = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);

    private final ImpactSummaryService summaries;
    private final ComboBox<Incident> incident = new ComboBox<>();
    private final Paragraph asOf = new Paragraph();
    private final Div content = new Div();
    private final ZoneId viewerZone = ShownTime.viewerZone();

    private final NoticeService notices;

    ImpactOverviewView(ImpactSummaryService summaries, ImpactReportExport report,
            NoticeService notices) {
        this.summaries = summaries;
        this.notices = notices;
        setSizeFull();
        incident.setId("incident-chooser");
        incident.setAriaLabel("Incident");
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setWidth("24rem");
        incident.addValueChangeListener(e -> show());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> show());
        refresh.setId("refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        asOf.setId("as-of");
        asOf.addClassNames("text-s", "text-secondary", "m-0");
        content.setWidthFull();
        Anchor download = ExportDownloads.impactReport(report, () -> {
            Incident chosen = incident.getValue();
            return chosen == null ? null : chosen.getId();
        });
        add(new ViewToolbar("Impact overview", incident, refresh, download), asOf, content);
        List<Incident> all = summaries.incidents();
        incident.setItems(all);
        all.stream().findFirst().ifPresent(incident::setValue);
        if (all.isEmpty()) {
            show();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("incident").ifPresent(id -> incident
                .getListDataView().getItems().filter(i -> String.valueOf(i.getId()).equals(id)).findFirst()
                .ifPresent(incident::setValue));
    }

    private void show() {
        content.removeAll();
        Incident chosen = incident.getValue();
        if (chosen == null) {
            asOf.setText("");
            content.add(new Paragraph("There is no incident yet. An incident manager opens one on the Incident"
                    + " screen; its figures appear here."));
            return;
        }
        ImpactSummary s = summaries.summarize(chosen.getId());
        ZoneId zoneOfIncident = ZoneId.of(s.referenceZone());
        asOf.setText("Figures as of " + ShownTime.withIncident(s.asOf(), viewerZone, zoneOfIncident)
                + ". Refresh for newer figures.");
        long id = s.incidentId();
        String subscribers = "subscribers?incident=" + id;

        ImpactSummary.Subscribers subs = s.subscribers();
        Div statusCards = cards();
        for (DataLossStatus status : STATUSES) {
            statusCards.add(card("card-" + status.name(), NUMBER.format(subs.byStatus().getOrDefault(status, 0L)),
                    status.label() + ": " + MEANING.get(status), subscribers + "&status=" + status.name()));
        }
        long notAffected = subs.byStatus().getOrDefault(DataLossStatus.NOT_AFFECTED, 0L);
        long affected = subs.total() - notAffected;
        statusCards.add(card("card-total-affected", NUMBER.format(affected), "total affected: lost, only on"
                + " device, recovered or not yet assessed (not counting " + NUMBER.format(notAffected)
                + " checked and not affected)", subscribers));
        statusCards.add(card("card-contacted", subs.contactedPercent().toPlainString() + " %",
                "contacted: " + NUMBER.format(subs.contacted()) + " of " + NUMBER.format(subs.total())
                        + " listed subscribers called at least once", subscribers));

        ImpactSummary.Credits cr = s.credits();
        String credits = "credits?incident=" + id;
        Div creditCards = cards();
        creditCards.add(card("card-credits-issued", money(cr.issued().amount()),
                NUMBER.format(cr.issued().count()) + " credits issued", credits));
        creditCards.add(card("card-credits-pending", money(cr.pending().amount()),
                NUMBER.format(cr.pending().count()) + " credits waiting for approval",
                CurrentActor.allows(IncidentManagersOnly.RULE) ? "credits/approvals" : credits));
        creditCards.add(card("card-credits-reversed", money(cr.reversed().amount()),
                NUMBER.format(cr.reversed().count()) + " credits reversed", credits));
        creditCards.add(card("card-credits-cost", money(cr.totalCost()),
                "total cost: what subscribers hold now (issued minus reversed)", credits));

        ImpactSummary.Holds h = s.holds();
        Div holdCards = cards();
        holdCards.add(card("card-holds", NUMBER.format(h.active()), "stop-sale holds in force", "holds"));
        holdCards.add(card("card-stores-on-hold", NUMBER.format(h.storesOnHold()),
                "stores the holds reach (a store under two holds counts twice)", "holds"));
        holdCards.add(card("card-compliance", h.compliancePercent() + " %",
                "acknowledged: " + NUMBER.format(h.acknowledged()) + " of those stores confirmed the hold", "holds"));
        holdCards.add(card("card-overdue", NUMBER.format(h.overdue()),
                "stores past the deadline without acknowledging", "holds"));
        holdCards.add(card("card-violations", NUMBER.format(s.violations()),
                "sales recorded despite a hold", "holds"));

        String incidentLink = "incident?id=" + id;
        ZoneId reference = ZoneId.of(s.referenceZone());
        Div timeCards = cards();
        timeCards.add(sinceStart(s, reference, incidentLink));
        timeCards.add(card("card-time-to-detect", ImpactSummaryService.describe(s.secondsToDetect()),
                "time to detect: from the start of the outage to its detection", incidentLink));
        timeCards.add(card("card-time-to-resolve", ImpactSummaryService.describe(s.secondsToResolve()),
                "time to resolve: from the start of the outage to its resolution", incidentLink));

        Div noticeCards = cards();
        if (CurrentActor.allows(NoticeService.FIGURES)) {
            NoticeFigures nf = notices.figures(id);
            String link = CurrentActor.allows(IncidentManagersOnly.RULE) ? "notices" : null;
            noticeCards.add(card("card-notified", NUMBER.format(nf.notified()),
                    "notified: texts and e-mails of customer notices that went out", link));
            noticeCards.add(card("card-delivered", NUMBER.format(nf.delivered()),
                    "delivered: of those, confirmed by the carrier's delivery receipts", link));
        }
        content.add(section("Affected subscribers", statusCards), section("Credits", creditCards),
                section("Stop-sales", holdCards), section("Customer notices", noticeCards),
                section("Time", timeCards), charts(s, subscribers));
    }

    /**
     * How long the outage lasted (the clock stops at its resolution, with both dates), or how long it has run; an
     * incident open for more than a month is shown by its start date, not as thousands of days.
     */
    private Component sinceStart(ImpactSummary s, ZoneId reference, String link) {
        String started = ShownTime.date(s.startedAt(), reference);
        if (s.resolvedAt() != null) {
            return card("card-since-start", ImpactSummaryService.describe(s.secondsSinceStart()),
                    "the outage lasted from " + started + " to " + ShownTime.date(s.resolvedAt(), reference)
                            + " (resolved)", link);
        }
        long days = s.secondsSinceStart() / 86_400;
        if (days > 30) {
            return card("card-since-start", started, "the outage started on this day and is still open ("
                    + Words.count(days, "day") + ")", link);
        }
        return card("card-since-start", ImpactSummaryService.describe(s.secondsSinceStart()),
                "since the outage started on " + started, link);
    }

    private Component charts(ImpactSummary s, String subscribers) {
        SvgBarChart byStatus = SvgBarChart.titled("Affected subscribers by status");
        for (DataLossStatus status : STATUSES) {
            byStatus.row(status.label(), subscribers + "&status=" + status.name(),
                    s.subscribers().byStatus().getOrDefault(status, 0L));
        }
        SvgBarChart byRegion = SvgBarChart.titled("Affected subscribers by region of the home store");
        s.subscribers().byRegion().forEach((region, count) -> byRegion.row(region,
                subscribers + "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8).replace("+", "%20"),
                count));
        SvgBarChart byReason = SvgBarChart.titled("Credits by reason (USD)").series("Issued", "Pending", "Reversed")
                .format(v -> "$" + NUMBER.format(v.setScale(0, RoundingMode.HALF_UP)));
        for (ImpactSummary.Reason r : s.credits().byReason()) {
            byReason.row(r.label(), "credits?incident=" + s.incidentId(), r.issued().amount(), r.pending().amount(),
                    r.reversed().amount());
        }
        SvgBarChart acks = SvgBarChart.titled("Stores on hold by region: acknowledgements")
                .series("Acknowledged", "Pending", "Overdue").colors("#3b9c5a", "#e08a1e", "#c2413b");
        for (ImpactSummary.RegionAcks r : s.holds().byRegion()) {
            acks.row(r.region(), "holds", BigDecimal.valueOf(r.acknowledged()), BigDecimal.valueOf(r.pending()),
                    BigDecimal.valueOf(r.overdue()));
        }
        ZoneId reference = ZoneId.of(s.referenceZone());
        List<LocalDate> window = incidentDays(s, reference);
        SvgBarChart overTime = SvgBarChart.titled("Subscribers by status at the end of each day of the incident ("
                + ShownTime.zoneLongName(reference) + ", " + DAY.format(window.getFirst()) + " to "
                + DAY.format(window.getLast()) + ")")
                .series(STATUSES.stream().map(DataLossStatus::label).toArray(String[]::new))
                .colors("#c2413b", "#e08a1e", "#3b9c5a", "#6b6b6b");
        List<StatusOnDay> days = s.subscribers().byDay();
        for (LocalDate d : window) {
            // the statuses at the end of d: the last day with changes on or before it
            StatusOnDay at = null;
            for (StatusOnDay day : days) {
                if (!day.day().isAfter(d)) {
                    at = day;
                }
            }
            StatusOnDay shown = at;
            overTime.row(DAY.format(d), null, STATUSES.stream().map(st -> BigDecimal.valueOf(shown == null ? 0L
                    : shown.byStatus().getOrDefault(st, 0L))).toArray(BigDecimal[]::new));
        }
        boolean later = days.stream().anyMatch(day -> day.day().isAfter(window.getLast()));
        Paragraph lateNote = new Paragraph(later ? "Statuses recorded after " + DAY.format(window.getLast())
                + " (for example imported after the fact) are not in this chart; the figures above are today's."
                : "");
        lateNote.setId("chart-status-over-time-note");
        lateNote.addClassNames("text-s", "text-secondary");
        Div overTimeBox = new Div(chart("chart-status-over-time", overTime), lateNote);
        Div charts = new Div(chart("chart-status", byStatus), overTimeBox, chart("chart-region", byRegion),
                chart("chart-credits", byReason), chart("chart-acknowledgements", acks));
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        return section("Charts", charts);
    }

    /**
     * The days the daily chart covers: the incident's own, in its zone. Up to its resolution (or today), the last
     * {@link #DAYS_SHOWN}; an incident opened long ago and still open shows its first days instead, not today's.
     */
    static List<LocalDate> incidentDays(ImpactSummary s, ZoneId zone) {
        LocalDate start = s.startedAt().atZone(zone).toLocalDate();
        LocalDate end = (s.resolvedAt() != null ? s.resolvedAt() : s.asOf()).atZone(zone).toLocalDate();
        if (end.isBefore(start)) {
            end = start;
        }
        boolean longOpen = s.resolvedAt() == null && ChronoUnit.DAYS.between(start, end) > 60;
        LocalDate first = longOpen ? start : end.minusDays(DAYS_SHOWN - 1L).isBefore(start) ? start
                : end.minusDays(DAYS_SHOWN - 1L);
        LocalDate last = longOpen ? start.plusDays(DAYS_SHOWN - 1L) : end;
        return first.datesUntil(last.plusDays(1)).toList();
    }

    private static Component chart(String id, SvgBarChart chart) {
        Html svg = new Html(chart.toSvg());
        svg.setId(id);
        svg.getElement().getStyle().set("max-width", "100%");
        return svg;
    }

    private static String money(Money m) {
        return Words.money(m);
    }

    private static Div cards() {
        Div cards = new Div();
        cards.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");
        return cards;
    }

    private static Component section(String title, Component body) {
        Div section = new Div(new H3(title), body);
        section.addClassNames("mb-l");
        return section;
    }

    private static Anchor card(String id, String number, String meaning, @Nullable String link) {
        Span figure = new Span(number);
        figure.addClassNames("od-card-number", "block", "text-2xl", "font-bold");
        Span text = new Span(meaning);
        text.addClassNames("od-card-meaning", "block", "text-s", "text-secondary");
        Anchor card = new Anchor(link == null ? "" : link, figure, text);
        card.setId(id);
        card.addClassNames("p-m", "border", "rounded-l", "bg-base", "text-body");
        card.getStyle().set("width", "13rem").set("text-decoration", "none").set("box-sizing", "border-box");
        return card;
    }
}
