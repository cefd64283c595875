package org.outagedesk.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.UserIdentity;

/**
 * The console's frame: the application name, a side navigation that lists only the screens the signed-in role may
 * open (Vaadin filters {@code @Menu} entries through the views' access annotations), and the signed-in user with
 * their role and a sign-out button.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();

    MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        H1 appName = new H1("Outage Desk");
        appName.addClassName("od-app-title");
        Div brand = new Div(new Icon(VaadinIcon.WARNING), appName);
        brand.addClassNames("flex", "items-center", "gap-s", "p-m");
        addToDrawer(brand, new Scroller(createSideNav()));

        viewTitle.addClassNames("text-l", "m-0");
        addToNavbar(new DrawerToggle(), viewTitle, userBox(authentication));
    }

    private static SideNav createSideNav() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addClassNames("mx-s");
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        entries.forEach(entry -> nav.addItem(item(entry, entries)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry, List<MenuEntry> all) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        // an entry lights up for the screens under it (a subscriber under Subscribers), but not when another entry
        // of the menu is under it (Credit approvals under Credits): one entry is highlighted, never two
        item.setMatchNested(matchesNested(entry.path(), all.stream().map(MenuEntry::path).toList()));
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    static boolean matchesNested(String path, List<String> paths) {
        String prefix = path.endsWith("/") ? path : path + "/";
        return paths.stream().noneMatch(other -> !other.equals(path) && other.startsWith(prefix));
    }

    private static Div userBox(AuthenticationContext authentication) {
        Div box = new Div();
        box.addClassName("od-user-box");
        authentication.getAuthenticatedUser(UserIdentity.class).ifPresent(user -> {
            Avatar avatar = new Avatar(user.displayName());
            avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
            Span name = new Span(user.displayName());
            name.setId("signed-in-user");
            Span role = new Span(AppRoles.label(user.role())
                    + (user.storeCode() == null ? "" : " · " + user.storeCode()));
            role.setId("signed-in-role");
            role.addClassName("od-role");
            Div who = new Div(name, role);
            who.addClassNames("flex", "flex-col");
            Button logout = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("sign-out");
            // a plain link: the profile screen belongs to the security feature, which depends on this one
            Anchor profile = new Anchor("profile",
                    "Profile");
            profile.setId("profile-link");
            profile.addClassName("text-s");
            box.add(avatar, who, profile, logout);
        });
        return box;
    }

    /**
     * Times are shown in the browser's zone (ShownTime). Should the browser's details not have come with the page,
     * ask for them once and show the screen again when they arrive.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        var ui = event.getUI();
        var details = ui.getPage().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null || details.getTimeZoneId().isBlank()) {
            ui.getPage().retrieveExtendedClientDetails(d -> {
                if (d.getTimeZoneId() != null && !d.getTimeZoneId().isBlank()) {
                    ui.refreshCurrentRoute(false);
                }
            });
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
