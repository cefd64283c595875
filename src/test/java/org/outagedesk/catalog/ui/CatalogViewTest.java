package org.outagedesk.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.outagedesk.base.SystemActor;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.catalog.StoreType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class CatalogViewTest extends SpringBrowserlessTest {

    @Autowired
    CatalogService catalog;

    /** The Catalog screen on its Stores tab. */
    private void openStores() {
        navigate(CatalogView.class);
        $(TabSheet.class).id("catalog-tabs").setSelectedIndex(1);
    }

    @SuppressWarnings("unchecked")
    private Grid<Store> stores() {
        return $(Grid.class).id("stores");
    }

    @Test
    @WithUserDetails("manager")
    void the_store_grid_searches_and_shows_region_type_and_status_in_plain_words() {
        openStores();
        test($(TextField.class).id("store-search")).setValue("D-NY-UWS-01");
        Grid<Store> grid = stores();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("New York Metro");
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("Third-party retailer");
        assertThat(test(grid).getCellText(0, 6)).isEqualTo("America/New_York");
    }

    @Test
    @WithUserDetails("manager")
    void every_problem_of_a_new_store_is_shown_next_to_its_field_and_a_good_one_is_saved() {
        openStores();
        test($(Button.class).id("new-store")).click();
        StoreDialog dialog = $(StoreDialog.class).single();
        test($(TextField.class).id("store-dialog-name")).setValue("Dialog Test Store");
        test($(EmailField.class).id("store-dialog-email")).setValue("not-an-address");
        test($(Button.class).id("store-dialog-save")).click();

        assertThat($(StoreDialog.class).all()).as("the dialog stays open").hasSize(1);
        assertThat($(TextField.class).id("store-dialog-code").getErrorMessage()).isEqualTo("Is empty");
        assertThat($(TextField.class).id("store-dialog-city").isInvalid()).isTrue();
        assertThat($(EmailField.class).id("store-dialog-email").getErrorMessage()).contains("not an e-mail");
        @SuppressWarnings("unchecked")
        Select<StoreType> type = $(Select.class).id("store-dialog-type");
        assertThat(type.getErrorMessage()).contains("COMPANY or DEALER");
        assertThat($(ComboBox.class).id("store-dialog-region").isInvalid()).isTrue();
        assertThat($(TextField.class).id("store-dialog-name").isInvalid()).isFalse();

        String code = "T-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        test($(TextField.class).id("store-dialog-code")).setValue(code);
        test($(TextField.class).id("store-dialog-city")).setValue("Denver");
        test($(EmailField.class).id("store-dialog-email")).setValue("dialog@stores.example.com");
        test(type).selectItem("Company store");
        @SuppressWarnings("unchecked")
        ComboBox<String> region = $(ComboBox.class).id("store-dialog-region");
        test(region).selectItem("Mountain");
        test($(Button.class).id("store-dialog-save")).click();
        assertThat(dialog.isOpened()).isFalse();
        Store saved = SystemActor.call(() -> catalog.getStore(code));
        assertThat(saved.getZone().getId()).as("the region's zone").isEqualTo("America/Denver");
        assertThat(saved.getType()).isEqualTo(StoreType.COMPANY);
    }

    @Test
    @WithUserDetails("manager")
    void closing_a_store_asks_first_and_then_shows_it_closed() {
        String code = "T-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        SystemActor.run(() -> catalog.addStore(new StoreDetails(code, "To Be Closed",
                "Mountain", "Denver", "DEALER", null, null)));
        openStores();
        test($(TextField.class).id("store-search")).setValue(code);
        Grid<Store> grid = stores();
        assertThat(test(grid).getCellText(0, 7)).isEqualTo("Open");
        Button close = test(grid).getCellComponent(0, 8).getChildren().map(Button.class::cast)
                .filter(b -> "Close".equals(b.getText())).findFirst().orElseThrow();
        test(close).click();
        assertThat(SystemActor.call(() -> catalog.getStore(code)).isClosed()).as("not before confirming").isFalse();
        ConfirmDialog confirm =
                $(ConfirmDialog.class).id("close-store-confirm");
        test(confirm).confirm();
        assertThat(SystemActor.call(() -> catalog.getStore(code)).isClosed()).isTrue();
        assertThat(test(stores()).getCellText(0, 7)).startsWith("Closed since");
    }

    @Test
    @WithUserDetails("agent")
    void other_roles_have_no_catalog_screen() {
        assertThatThrownBy(() -> navigate(CatalogView.class)).hasMessageContaining("PageRefusedView");
    }
}
