package org.outagedesk.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.base.ui.ShownTime;
import org.outagedesk.base.ui.ViewToolbar;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.security.UserService;
import org.outagedesk.security.UserSummary;

/** Incident managers manage who may use the console: create, change role and store, disable, reset password. */
@Route("users")
@PageTitle("Users")
@Menu(order = 80, icon = "vaadin:users", title = "Users")
@RolesAllowed(AppRoles.INCIDENT_MANAGER)
class UserListView extends VerticalLayout {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final UserService users;
    private final CatalogService catalog;
    private final TextField search = new TextField();
    private final Select<String> roleFilter = new Select<>();
    private final Grid<UserSummary> grid = new Grid<>();

    UserListView(UserService users, CatalogService catalog) {
        this.users = users;
        this.catalog = catalog;
        setSizeFull();

        search.setPlaceholder("Username or name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        search.setAriaLabel("Search users");

        roleFilter.setItems(AppRoles.ALL);
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption("All roles");
        roleFilter.setItemLabelGenerator(r -> r == null ? "All roles" : AppRoles.label(r));
        roleFilter.addValueChangeListener(e -> refresh());
        roleFilter.setAriaLabel("Role");

        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");

        grid.addColumn(UserSummary::username).setHeader("Username").setSortProperty("username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(u -> AppRoles.label(u.role())).setHeader("Role").setSortProperty("role").setAutoWidth(true);
        grid.addColumn(u -> u.storeCode() == null ? "" : u.storeCode() + " · " + u.storeName()).setHeader("Store")
                .setFlexGrow(1);
        grid.addColumn(u -> u.email() == null ? "" : u.email()).setHeader("E-mail").setAutoWidth(true);
        grid.addComponentColumn(u -> status(u.enabled())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(u -> ShownTime.date(u.createdAt(), ShownTime.viewerZone())).setHeader("Created")
                .setSortProperty("createdAt").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No user matches. Clear the search or the role filter, or create a user.");
        grid.setSizeFull();
        grid.setItems(query -> users.find(search.getValue(), roleFilter.getValue(),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) users.count(search.getValue(), roleFilter.getValue()));

        add(new ViewToolbar("Users", search, roleFilter, create), grid);
    }

    private static Span status(boolean enabled) {
        Span badge = new Span(enabled ? "Active" : "Disabled");
        badge.getElement().getThemeList().add(enabled ? "badge success" : "badge contrast");
        return badge;
    }

    private HorizontalLayout actions(UserSummary user) {
        Button role = new Button("Role", e -> openRoleChange(user));
        Button password = new Button("Password", e -> openPasswordReset(user));
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> toggle(user));
        for (Button b : new Button[] {role, password, toggle}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return new HorizontalLayout(role, password, toggle);
    }

    private void toggle(UserSummary user) {
        if (!user.enabled()) {
            run(() -> users.enable(user.id()), user.username() + " can sign in again");
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Disable " + user.username() + "?",
                user.displayName() + " will no longer be able to sign in to the console or the API.", "Disable",
                e -> run(() -> users.disable(user.id()), user.username() + " is disabled"));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void openCreate() {
        new UserDialog(catalog, null, request -> {
            users.create(request);
            Notifications.success("User " + request.username() + " created");
            refresh();
        }).open();
    }

    private void openRoleChange(UserSummary user) {
        UserDialog[] dialog = new UserDialog[1];
        dialog[0] = new UserDialog(catalog, user, request -> {
            String typed = dialog[0].emailValue().isBlank() ? null : dialog[0].emailValue().strip();
            if (!Objects.equals(typed, user.email())) {
                users.changeEmail(user.id(), typed); // checked first: a bad address changes nothing else
            }
            users.changeRole(user.id(), request.role(), request.storeCode());
            if (!request.displayName().equals(user.displayName())) {
                users.rename(user.id(), request.displayName());
            }
            Notifications.success(user.username() + " is now " + AppRoles.label(request.role()));
            refresh();
        });
        dialog[0].open();
    }

    private void openPasswordReset(UserSummary user) {
        PasswordDialog.open(user, password -> {
            users.resetPassword(user.id(), password);
            Notifications.success("Password of " + user.username() + " reset");
        });
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            Notifications.success(success);
        } catch (DomainException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
