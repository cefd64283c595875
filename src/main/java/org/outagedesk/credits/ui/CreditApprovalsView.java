package org.outagedesk.credits.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.base.ui.Words;
import org.outagedesk.credits.CreditRecord;
import org.outagedesk.credits.CreditService;
import org.outagedesk.credits.CreditStatus;

/** Credits waiting for approval: an incident manager approves or rejects (with a reason) those they did not ask. */
@Route("credits/approvals")
@PageTitle("Credit approvals")
@Menu(order = 51, icon = "vaadin:check-square-o", title = "Credit approvals")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class CreditApprovalsView extends VerticalLayout {

    private final CreditService credits;
    private final Grid<CreditRecord> grid = new Grid<>();
    private final ZoneId zone = ShownTime.viewerZone();

    CreditApprovalsView(CreditService credits) {
        this.credits = credits;
        setSizeFull();
        grid.addColumn(c -> CreditFormat.time(c.requestedAt(), zone)).setHeader("Asked").setKey("requestedAt")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(CreditRecord::msisdn).setHeader("Subscriber").setKey("msisdn").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(c -> Words.plain(c.reasonCode())).setHeader("Reason").setKey("reasonCode").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(c -> Words.money(c.amount())).setHeader("Amount").setKey("amount").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(CreditRecord::requestedBy).setHeader("Asked by").setKey("requestedBy").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(c -> c.note() == null ? "" : c.note()).setHeader("Note").setFlexGrow(1)
                .setTooltipGenerator(c -> c.note() == null ? "" : c.note());
        grid.addComponentColumn(this::actions).setHeader("Decision").setAutoWidth(true);
        grid.setItems(q -> credits.find(CreditStatus.PENDING_APPROVAL, null,
                VaadinSpringDataHelpers.toSpringPageRequest(q)).stream());
        grid.setEmptyStateText("No credit waits for approval. Credits above an agent's limit appear here.");
        add(new ViewToolbar("Credits waiting for approval"), grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout actions(CreditRecord c) {
        boolean own = c.requestedBy().equals(CurrentActor.username());
        Button approve = new Button("Approve", e -> {
            try {
                credits.approve(c.id());
                Notifications.success("Approved " + Words.money(c.amount()) + " to " + c.msisdn());
            } catch (DomainException ex) {
                Notifications.error(ex.getMessage());
            }
            grid.getDataProvider().refreshAll();
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject…", e -> rejectDialog(c));
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        approve.setEnabled(!own);
        reject.setEnabled(!own);
        if (own) {
            approve.setTooltipText("You asked for this credit: another incident manager decides");
        }
        return new HorizontalLayout(approve, reject);
    }

    private void rejectDialog(CreditRecord c) {
        Dialog dialog = new Dialog("Reject " + c.amount() + " to " + c.msisdn());
        TextArea reason = new TextArea("Reason (the requester reads it)");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button confirm = new Button("Reject credit", e -> {
            try {
                credits.reject(c.id(), reason.getValue());
                dialog.close();
                Notifications.success("Rejected");
                grid.getDataProvider().refreshAll();
            } catch (DomainException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }
}
