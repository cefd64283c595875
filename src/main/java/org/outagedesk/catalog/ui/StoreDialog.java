package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Store;
import org.outagedesk.catalog.StoreDetails;
import org.outagedesk.catalog.StoreType;

/** Adds a store, or edits one (its code stays as it is). */
class StoreDialog extends CatalogEntryDialog {

    private final TextField code = new TextField("Code");
    private final TextField name = new TextField("Name");
    private final ComboBox<String> region = new ComboBox<>("Region");
    private final TextField city = new TextField("City");
    private final Select<StoreType> type = new Select<>();
    private final EmailField email = new EmailField("E-mail");
    private final ComboBox<String> zone = new ComboBox<>("Time zone");
    private final Runnable submitter;

    StoreDialog(CatalogService catalog, @Nullable Store store, Consumer<Store> saved) {
        super(store == null ? "New store" : "Edit store " + store.getCode(), "store-dialog");
        field("code", code).setHelperText("Never changes once saved, e.g. D-NY-UWS-01");
        field("name", name);
        region.setItems(catalog.regions());
        field("region", region);
        field("city", city);
        type.setLabel("Type");
        type.setItems(StoreType.values());
        type.setItemLabelGenerator(StoreType::label);
        field("type", type);
        field("email", email).setHelperText("Where the store's stop-sale e-mails go");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setClearButtonVisible(true);
        field("zone", zone).setHelperText("Empty: the region's zone");
        if (store != null) {
            code.setValue(store.getCode());
            code.setReadOnly(true);
            name.setValue(store.getName());
            region.setValue(store.getRegion());
            city.setValue(store.getCity());
            type.setValue(store.getType());
            email.setValue(store.getEmail() == null ? "" : store.getEmail());
            zone.setValue(store.getZone().getId());
        }
        this.submitter = () -> {
            StoreDetails details = new StoreDetails(code.getValue(), name.getValue(), region.getValue(),
                    city.getValue(), type.getValue() == null ? null : type.getValue().name(), email.getValue(),
                    zone.getValue());
            Store result = store == null ? catalog.addStore(details) : catalog.editStore(store.getCode(), details);
            Notifications.success("Store " + result.getCode() + (store == null ? " added" : " saved"));
            saved.accept(result);
        };
    }

    @Override
    protected void submit() {
        submitter.run();
    }
}
