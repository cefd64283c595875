package org.outagedesk.credits.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.IncidentManagersOnly;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignDryRun;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.CampaignStatus;
import org.outagedesk.credits.CreditService;
import org.outagedesk.incident.Incident;
import org.outagedesk.incident.IncidentService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Credit campaigns of an incident: tiers, dry-run figures, submit and approve (a second incident manager), the
 * progress of a run, top-up and reversal. Executives see the same, without the buttons. Campaigns are created on
 * the API ({@code POST /api/campaigns}); the sample data ships the 2009 one.
 */
@Route("campaigns")
@PageTitle("Credit campaigns")
@Menu(order = 52, icon = "vaadin:money-exchange", title = "Credit campaigns")
@RolesAllowed({AppRoles.INCIDENT_MANAGER, AppRoles.EXECUTIVE})
class CampaignsView extends VerticalLayout {

    private final CampaignService campaigns;
    private final ComboBox<Incident> incident = new ComboBox<>();
    private final Grid<CampaignDetails> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final ZoneId zone = ShownTime.viewerZone();
    private final boolean mayRun = CurrentActor.allows(IncidentManagersOnly.RULE);
    private CampaignDetails selected;
    private List<CampaignDetails> items = List.of();

    CampaignsView(CampaignService campaigns, IncidentService incidents, ObjectProvider<CampaignsAction> actions,
            CreditService credits) {
        this.campaigns = campaigns;
        setSizeFull();
        List<Incident> all = incidents.findAll();
        incident.setItems(all);
        incident.setItemLabelGenerator(Incident::getTitle);
        incident.setAriaLabel("Incident");
        incident.setWidth("22rem");
        incident.addValueChangeListener(e -> refresh());
        grid.addColumn(CampaignDetails::name).setHeader("Campaign").setFlexGrow(1);
        grid.addColumn(c -> Words.of(c.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> c.progress().percent() + " %").setHeader("Progress").setAutoWidth(true);
        grid.addColumn(c -> Words.money(c.credited())).setHeader("Credited").setAutoWidth(true);
        grid.addColumn(c -> Words.money(c.reversed())).setHeader("Reversed").setAutoWidth(true);
        grid.addColumn(CampaignDetails::createdBy).setHeader("Created by").setAutoWidth(true);
        grid.addColumn(c -> CreditFormat.time(c.createdAt(), zone)).setHeader("Created").setAutoWidth(true);
        grid.setEmptyStateText(mayRun ? "No campaign in this incident yet. Create one with \"New campaign\"."
                : "No campaign in this incident yet.");
        grid.setHeight("14rem");
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        details.setPadding(false);
        List<Component> tools = new ArrayList<>(List.of(incident));
        if (mayRun) {
            Button create = new Button("New campaign", VaadinIcon.PLUS_CIRCLE.create(),
                    e -> {
                        if (incident.getValue() != null) {
                            new NewCampaignDialog(campaigns, credits.reasonCodes(), incident.getValue().getId(),
                                    this::showInList).open();
                        }
                    });
            create.setId("campaign-new");
            tools.add(create);
        }
        CampaignsAction.Screen screen = new CampaignsAction.Screen(() -> incident.getValue() == null ? null
                : incident.getValue().getId());
        actions.orderedStream().forEach(a -> tools.addAll(a.controls(screen)));
        add(new ViewToolbar("Credit campaigns", tools.toArray(Component[]::new)), grid,
                details);
        if (!all.isEmpty()) {
            incident.setValue(all.getFirst());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(2000);
        event.getUI().addPollListener(e -> poll());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private void refresh() {
        items = incident.getValue() == null ? List.of() : campaigns.ofIncident(incident.getValue().getId());
        grid.setItems(items);
        details.removeAll();
        selected = null;
    }

    /**
     * While a campaign runs (here or because another manager approved it), the list and the detail move with it,
     * and both show the finished figures once it is done, without a reload.
     */
    void poll() {
        boolean moving = items.stream().anyMatch(c -> c.status() == CampaignStatus.RUNNING
                || c.status() == CampaignStatus.REVERSING || c.status() == CampaignStatus.SUBMITTED)
                || (selected != null && (selected.status() == CampaignStatus.RUNNING
                || selected.status() == CampaignStatus.REVERSING));
        if (!moving || incident.getValue() == null) {
            return;
        }
        Long keep = selected == null ? null : selected.id();
        items = campaigns.ofIncident(incident.getValue().getId());
        grid.setItems(items);
        CampaignDetails again = keep == null ? null
                : items.stream().filter(c -> c.id() == keep).findFirst().orElse(null);
        if (again != null) {
            grid.select(again); // shows it
        } else {
            show(null);
        }
    }

    /** After an action: the list shows the campaign's new state and the detail shows it. */
    private void showInList(CampaignDetails after) {
        refresh();
        items.stream().filter(x -> x.id() == after.id()).findFirst().ifPresentOrElse(grid::select, () -> show(after));
    }

    private void show(CampaignDetails c) {
        selected = c;
        details.removeAll();
        if (c == null) {
            return;
        }
        details.add(new H3(c.name() + " – " + Words.of(c.status())));
        Grid<CampaignDetails.Tier> tiers = new Grid<>();
        tiers.addColumn(CampaignDetails.Tier::tierNo).setHeader("Tier").setAutoWidth(true);
        tiers.addColumn(CampaignDetails.Tier::name).setHeader("Name").setAutoWidth(true);
        tiers.addColumn(CampaignDetails.Tier::describe).setHeader("Who").setFlexGrow(1);
        tiers.addColumn(t -> Words.plain(t.reasonCode())).setHeader("Reason").setAutoWidth(true);
        tiers.addColumn(t -> Words.money(t.amount())).setHeader("Amount").setAutoWidth(true);
        tiers.addColumn(t -> Words.number(t.subscribers())).setHeader("Credited subscribers").setAutoWidth(true);
        tiers.addColumn(t -> Words.money(t.credited())).setHeader("Credited").setAutoWidth(true);
        tiers.setItems(c.tiers());
        tiers.setAllRowsVisible(true);
        details.add(tiers);
        if (c.status() == CampaignStatus.RUNNING || c.status() == CampaignStatus.REVERSING) {
            ProgressBar bar = new ProgressBar(0, 100, c.progress().percent());
            bar.setId("campaign-progress");
            details.add(new Span((c.status() == CampaignStatus.REVERSING ? "Reversing: " : "Running: ")
                    + Words.number(c.progress().processed()) + " of " + Words.count(c.progress().total(),
                    "affected subscriber") + " gone through ("
                    + c.progress().percent() + " %)"), bar);
        }
        if (c.progress().error() != null) {
            details.add(new Paragraph("Stopped on an error: " + c.progress().error()
                    + ". Resume continues where it stopped; nothing is paid twice."));
        }
        if (c.approvedBy() != null) {
            details.add(new Paragraph("Approved by " + c.approvedBy() + " at " + CreditFormat.time(c.approvedAt(), zone)
                    + (c.completedAt() == null ? "" : "; finished " + CreditFormat.time(c.completedAt(), zone))));
        }
        if (mayRun) {
            details.add(actions(c));
        }
    }

    private HorizontalLayout actions(CampaignDetails c) {
        HorizontalLayout bar = new HorizontalLayout();
        boolean author = c.createdBy().equals(CurrentActor.username());
        switch (c.status()) {
            case DRAFT, SUBMITTED -> {
                Button dry = new Button("Dry run", e -> dryRun(c));
                dry.setId("campaign-dry-run");
                bar.add(dry);
                if (c.status() == CampaignStatus.DRAFT) {
                    bar.add(confirmed("Submit for approval", "Submit '" + c.name() + "'? A second incident manager"
                            + " must approve it before it pays anything.", () -> campaigns.submit(c.id())));
                } else {
                    Button approve = confirmed("Approve and run", "Approve '" + c.name() + "'? It starts crediting"
                            + " every eligible subscriber now (see the dry run for the figures).",
                            () -> campaigns.approve(c.id()), "Approved: the campaign is running; its progress shows"
                            + " below and in the list");
                    approve.setId("campaign-approve");
                    approve.setEnabled(!author);
                    if (author) {
                        approve.setTooltipText("You created this campaign: another incident manager approves it");
                    }
                    bar.add(approve);
                }
            }
            case COMPLETED -> {
                bar.add(new Button("Top up a tier…", e -> topUp(c)));
                bar.add(new Button("Reverse campaign…", e -> reverse(c)));
            }
            case RUNNING, REVERSING -> {
                if (c.progress().error() != null) {
                    bar.add(confirmed("Resume", "Resume the job where it stopped?", () -> campaigns.resume(c.id())));
                }
            }
            default -> {
            }
        }
        return bar;
    }

    private void dryRun(CampaignDetails c) {
        CampaignDryRun d = campaigns.dryRun(c.id());
        Dialog dialog = new Dialog("Dry run of " + c.name());
        Grid<CampaignDryRun.Tier> g = new Grid<>();
        g.addColumn(CampaignDryRun.Tier::tierNo).setHeader("Tier").setAutoWidth(true);
        g.addColumn(CampaignDryRun.Tier::name).setHeader("Name").setAutoWidth(true);
        g.addColumn(t -> Words.number(t.subscribers())).setHeader("Subscribers").setAutoWidth(true);
        g.addColumn(t -> Words.money(t.total())).setHeader("Total").setAutoWidth(true);
        g.addColumn(t -> Words.number(t.capped())).setHeader("Hit the cap").setAutoWidth(true);
        g.setItems(d.tiers());
        g.setAllRowsVisible(true);
        g.setWidth("48rem");
        Paragraph total = new Paragraph(Words.count(d.subscribers(), "subscriber") + ", "
                + Words.number(d.cappedSubscribers()) + " of them limited by the cap; grand total "
                + Words.money(d.grandTotal()) + ". Nothing has been paid.");
        total.setId("campaign-dry-run-total");
        dialog.add(g, total);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void topUp(CampaignDetails c) {
        Dialog dialog = new Dialog("Top up a tier of " + c.name());
        ComboBox<CampaignDetails.Tier> tier = new ComboBox<>("Tier");
        tier.setItems(c.tiers());
        tier.setItemLabelGenerator(t -> t.tierNo() + " " + t.name() + " (" + Words.money(t.amount()) + ")");
        BigDecimalField amount = new BigDecimalField("New amount (USD)");
        amount.setHelperText("Only the difference is credited, only to those the tier already credited");
        Button go = new Button("Top up", e -> {
            try {
                if (tier.getValue() == null) {
                    throw new DomainException("tier", "Choose the tier");
                }
                showInList(campaigns.topUp(c.id(), tier.getValue().tierNo(), amount.getValue()));
                dialog.close();
            } catch (DomainException ex) {
                amount.setErrorMessage(ex.getMessage());
                amount.setInvalid(true);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(tier, amount));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }

    private void reverse(CampaignDetails c) {
        Dialog dialog = new Dialog("Reverse " + c.name() + " (" + Words.money(c.credited()) + " credited)");
        TextArea reason = new TextArea("Reason");
        reason.setWidthFull();
        Button go = new Button("Reverse every credit", e -> {
            try {
                showInList(campaigns.reverse(c.id(), reason.getValue()));
                dialog.close();
            } catch (DomainException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph("Each credit gets a compensating entry; nothing is deleted."), reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), go);
        dialog.open();
    }

    private Button confirmed(String label, String question, Supplier<CampaignDetails> action) {
        return confirmed(label, question, action, label + ": done");
    }

    private Button confirmed(String label, String question, Supplier<CampaignDetails> action, String done) {
        return new Button(label, e -> {
            ConfirmDialog confirm = new ConfirmDialog(label, question, label, ok -> {
                try {
                    showInList(action.get());
                    Notifications.success(done);
                } catch (DomainException ex) {
                    Notifications.error(ex.getMessage());
                }
            });
            confirm.setCancelable(true);
            confirm.open();
        });
    }
}
