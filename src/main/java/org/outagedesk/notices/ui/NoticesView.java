package org.outagedesk.notices.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.outagedesk.notices.NoticeDetails;
import org.outagedesk.notices.NoticeService;
import org.outagedesk.notices.NoticeStatus;
import org.outagedesk.outbox.DemoMailbox;
import org.outagedesk.outbox.MessageStatus;

/**
 * Customer notices of an incident, for incident managers: the list with live progress (read from the database every
 * two seconds, so every node shows the same), compose with preview, submit, approve or reject (a second manager),
 * pause, resume, cancel, resend the failed ones; in the demo, what the demo mail relay received.
 */
@Route("notices")
@PageTitle("Customer notices")
@Menu(order = 53, icon = "vaadin:envelopes-o", title = "Customer notices")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class NoticesView extends VerticalLayout {


    private final NoticeService notices;
    private final DemoMailbox mailbox;
    private final ComboBox<Incident> incident = new ComboBox<>();
    private final Grid<NoticeDetails> grid = new Grid<>();
    /** The incident's notices as listed; the chosen one is replaced by what each poll reads. */
    private final List<NoticeDetails> rows = new ArrayList<>();
    private final VerticalLayout details = new VerticalLayout();
    private @Nullable NoticeDetails selected;

    NoticesView(NoticeService notices, IncidentService incidents, DemoMailbox mailbox) {
        this.notices = notices;
        this.mailbox = mailbox;
        setSizeFull();
        List<Incident> all = incidents.findAll();
        incident.setItems(all);
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setAriaLabel("Incident");
        incident.setWidth("22rem");
        incident.addValueChangeListener(e -> refresh());
        // the name is what a manager looks for: it takes the room the counts leave (it was cut to "2009 Sidekick…" on a
        // wide screen), and its whole text on hover
        grid.addColumn(NoticeDetails::name).setHeader("Notice").setWidth("18rem").setFlexGrow(3)
                .setTooltipGenerator(NoticeDetails::name);
        // wide enough for the longest status ("Waiting for approval"): measured from the first rows, it cut a
        // notice that had since completed to "Comp…"
        grid.addColumn(NoticeDetails::statusLabel).setHeader("Status").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(n -> n.channels().label()).setHeader("Channels").setAutoWidth(true);
        // the figures' columns fit "100 %" and "1,000,000" whatever the rows were when the widths were measured
        grid.addColumn(n -> progress(n) + " %").setHeader("Done").setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(n -> Words.number(n.counts().getOrDefault("DELIVERED", 0L))).setHeader("Delivered")
                .setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(n -> Words.number(n.counts().getOrDefault("FAILED", 0L) + n.counts().getOrDefault("EXPIRED",
                0L))).setHeader("Failed").setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(NoticeDetails::createdBy).setHeader("Composed by").setAutoWidth(true);
        grid.setEmptyStateText("No notice in this incident yet: compose one.");
        grid.setHeight("14rem");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        details.setPadding(false);
        Button compose = new Button("Compose…", e -> compose());
        compose.setId("notice-compose");
        compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        List<Component> tools = new ArrayList<>(List.of(incident, compose));
        if (mailbox.isAvailable()) {
            Button inbox = new Button("Demo mailbox", e -> new DemoMailboxDialog(mailbox).open());
            inbox.setId("notice-demo-mailbox");
            tools.add(inbox);
        }
        add(new ViewToolbar("Customer notices", tools.toArray(Component[]::new)), grid, details);
        if (!all.isEmpty()) {
            incident.setValue(all.getFirst());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        event.getUI().addPollListener(e -> {
            if (selected != null && stillChanging(selected)) {
                NoticeDetails fresh = notices.get(selected.id());
                // its row in the list too (Done, Delivered, Failed), not only the details below
                rows.replaceAll(r -> r.id() == fresh.id() ? fresh : r);
                grid.getDataProvider().refreshItem(fresh);
                show(fresh);
            }
        });
    }

    /**
     * Whether a notice's figures may still change by themselves: it is sending (resending the failed ones included),
     * paused (a text in flight may still be answered), or cancelled while its queued messages are being marked
     * skipped in the background.
     */
    static boolean stillChanging(NoticeDetails n) {
        return switch (n.status()) {
            case SENDING, PAUSED -> true;
            case CANCELLED -> n.counts().getOrDefault("QUEUED", 0L) > 0;
            default -> false;
        };
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private String time(@Nullable Instant at) {
        return ShownTime.at(at); // the viewer's zone, named
    }

    static int progress(NoticeDetails n) {
        if (n.total() == 0) {
            return n.status() == NoticeStatus.COMPLETED ? 100 : 0;
        }
        long open = n.counts().getOrDefault("QUEUED", 0L) + n.counts().getOrDefault("SENDING", 0L);
        return (int) ((n.total() - open) * 100 / n.total());
    }

    private void refresh() {
        if (incident.getValue() != null) {
            rows.clear();
            rows.addAll(notices.ofIncident(incident.getValue().getId()));
            grid.setItems(rows).setIdentifierProvider(NoticeDetails::id);
            // the channels and authors of this incident's notices, not the last one's
            grid.recalculateColumnWidths();
        }
        details.removeAll();
        selected = null;
    }

    private void show(@Nullable NoticeDetails n) {
        selected = n;
        details.removeAll();
        if (n == null) {
            return;
        }
        details.add(new H3(n.name() + " – " + n.statusLabel()));
        details.add(new Paragraph("To " + n.audience() + " by " + n.channels().label().toLowerCase(Locale.ROOT)
                + (n.urgent() ? ", urgent (sent at night too)" : ", no texts 21:00–08:00 in the subscriber's zone")));
        if (n.smscDownSince() != null) {
            Span down = new Span("SMSC unreachable since " + time(n.smscDownSince())
                    + ": texts stay queued and go out by themselves when it is back.");
            down.getElement().getThemeList().add("badge error");
            down.setId("notice-smsc-down");
            details.add(down);
        }
        if (n.relayDownSince() != null) {
            Span down = new Span("Mail relay unreachable since " + time(n.relayDownSince())
                    + ": e-mails stay queued and go out by themselves when it is back.");
            down.getElement().getThemeList().add("badge error");
            details.add(down);
        }
        if (n.total() > 0) {
            ProgressBar bar = new ProgressBar(0, 100, progress(n));
            bar.setId("notice-progress");
            Span figures = new Span(counts(n.counts()) + (n.figuresKept() ? " (counted at "
                    + time(n.figuresAsOf()) + ")" : "") + (n.rate() > 0 ? String.format(Locale.US,
                    "; %.1f messages a second", n.rate()) : ""));
            figures.setId("notice-figures");
            details.add(figures, bar);
            long queued = n.counts().getOrDefault("QUEUED", 0L);
            if (n.status() == NoticeStatus.CANCELLED && queued > 0) {
                Span skipping = new Span("Cancelled: nothing more is sent; the " + Words.count(queued, "message")
                        + " still queued " + (queued == 1 ? "is" : "are") + " being marked skipped.");
                skipping.setId("notice-skipping");
                details.add(skipping);
            }
            if (n.resending()) {
                Span resending = new Span("The failed messages are being queued again; they are sent as they are"
                        + " queued.");
                resending.setId("notice-resending");
                details.add(resending);
            }
        }
        if (n.sms() != null) {
            details.add(new Paragraph("Text: " + n.sms()));
        }
        if (n.emailSubject() != null) {
            details.add(new Paragraph("E-mail: " + n.emailSubject()));
        }
        if (n.decidedBy() != null) {
            details.add(new Paragraph((n.status() == NoticeStatus.REJECTED ? "Rejected by " : "Approved by ")
                    + n.decidedBy() + " at " + time(n.decidedAt()) + (n.rejectReason() == null ? ""
                            : ": " + n.rejectReason()) + (n.finishedAt() == null ? ""
                                    : "; finished " + time(n.finishedAt()))));
        }
        details.add(actions(n));
    }

    static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (MessageStatus s : MessageStatus.values()) {
            long v = counts.getOrDefault(s.name(), 0L);
            if (v > 0) {
                parts.add(Words.number(v) + " " + s.label().toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "No messages yet" : String.join(", ", parts);
    }

    private HorizontalLayout actions(NoticeDetails n) {
        HorizontalLayout bar = new HorizontalLayout();
        boolean author = n.createdBy().equals(CurrentActor.username());
        switch (n.status()) {
            case DRAFT -> {
                bar.add(button("Preview", "notice-preview", () -> preview(n)));
                bar.add(button("Submit for approval", "notice-submit", () -> act(() -> notices.submit(n.id()))));
            }
            case SUBMITTED -> {
                bar.add(button("Preview", "notice-preview", () -> preview(n)));
                Button approve = button("Approve and send", "notice-approve", () -> act(() -> notices.approve(n.id())));
                Button reject = button("Reject…", "notice-reject", () -> reject(n));
                approve.setEnabled(!author);
                reject.setEnabled(!author);
                if (author) {
                    approve.setTooltipText("You composed this notice: another incident manager approves it");
                }
                bar.add(approve, reject);
            }
            case SENDING -> bar.add(button("Pause", "notice-pause", () -> act(() -> notices.pause(n.id()))),
                    button("Cancel", "notice-cancel", () -> confirmCancel(n)));
            case PAUSED -> bar.add(button("Resume", "notice-resume", () -> act(() -> notices.resume(n.id()))),
                    button("Cancel", "notice-cancel", () -> confirmCancel(n)));
            case COMPLETED -> {
                if (n.counts().getOrDefault("FAILED", 0L) + n.counts().getOrDefault("EXPIRED", 0L) > 0) {
                    bar.add(button("Resend the failed ones…", "notice-resend", () -> confirmResend(n)));
                }
            }
            default -> {
            }
        }
        return bar;
    }

    /** Cancelling skips every message still queued: said before it happens. */
    private void confirmCancel(NoticeDetails n) {
        long queued = n.counts().getOrDefault("QUEUED", 0L);
        ConfirmDialog confirm = new ConfirmDialog("Cancel " + n.name() + "?", Words.count(queued, "message")
                + " still queued will not be sent" + (n.allQueued() ? "" : ", nor those not queued yet")
                + ". What was sent stays sent. This cannot be undone.", "Cancel the notice",
                ok -> act(() -> notices.cancel(n.id())));
        confirm.setCancelable(true);
        confirm.setCancelText("Keep sending");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setId("notice-cancel-confirm");
        confirm.open();
    }

    /**
     * Resending goes to every failed or expired recipient again, except those in doubt (a node stopped while
     * sending them: they may have the notice already) unless the manager ticks them too.
     */
    private void confirmResend(NoticeDetails n) {
        long failed = n.counts().getOrDefault("FAILED", 0L) + n.counts().getOrDefault("EXPIRED", 0L);
        long inDoubt = n.inDoubt();
        Dialog dialog = new Dialog("Resend the failed ones of " + n.name() + "?");
        dialog.setId("notice-resend-confirm");
        Paragraph what = new Paragraph(Words.count(failed - inDoubt, "message") + " that failed or expired will be"
                + " sent again.");
        Checkbox doubtful = new Checkbox("Also the " + Words.count(inDoubt, "message") + " in doubt: "
                + (inDoubt == 1 ? "it was" : "they were") + " being sent when the application stopped and may have"
                + " reached " + (inDoubt == 1 ? "its recipient, who" : "their recipients, who") + " would then get"
                + " this notice twice");
        doubtful.setId("notice-resend-in-doubt");
        doubtful.setVisible(inDoubt > 0);
        Button ok = new Button("Resend", e -> {
            act(() -> notices.resendFailed(n.id(), doubtful.getValue()));
            dialog.close();
        });
        ok.setId("notice-resend-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Keep them as they are", e -> dialog.close());
        dialog.add(new VerticalLayout(what, doubtful));
        dialog.getFooter().add(cancel, ok);
        dialog.open();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.setId(id);
        return b;
    }

    private void act(Supplier<NoticeDetails> action) {
        try {
            NoticeDetails d = action.get();
            Notifications.success("Notice '" + d.name() + "' is " + d.statusLabel().toLowerCase(Locale.ROOT));
            long id = d.id();
            refresh();
            grid.getListDataView().getItems().filter(x -> x.id() == id).findFirst().ifPresent(grid::select);
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void reject(NoticeDetails n) {
        Dialog dialog = new Dialog("Reject " + n.name());
        TextArea reason = new TextArea("Why");
        reason.setWidth("30rem");
        reason.setMaxLength(1000);
        Button ok = new Button("Reject", e -> {
            act(() -> notices.reject(n.id(), reason.getValue()));
            dialog.close();
        });
        dialog.add(reason);
        dialog.getFooter().add(new Button("Back", e -> dialog.close()), ok);
        dialog.open();
    }

    private void preview(NoticeDetails n) {
        new NoticePreviewDialog(n.name(), notices.preview(n.id())).open();
    }

    private void compose() {
        if (incident.getValue() == null) {
            Notifications.error("Choose the incident first");
            return;
        }
        new ComposeNoticeDialog(notices, incident.getValue().getId(), d -> {
            refresh();
            grid.getListDataView().getItems().filter(x -> x.id() == d.id()).findFirst().ifPresent(grid::select);
        }).open();
    }
}
