package org.outagedesk.catalog.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.ui.Notifications;
import org.outagedesk.catalog.CatalogService;
import org.outagedesk.catalog.Sku;
import org.outagedesk.catalog.SkuDetails;

/** Adds a SKU, or edits one (its code stays as it is). */
class SkuDialog extends CatalogEntryDialog {

    private final TextField code = new TextField("Code");
    private final TextField model = new TextField("Model");
    private final TextField colour = new TextField("Colour");
    private final TextField family = new TextField("Family");

    SkuDialog(CatalogService catalog, @Nullable Sku sku, Consumer<Sku> saved) {
        super(sku == null ? "New SKU" : "Edit SKU " + sku.getCode(), "sku-dialog");
        field("code", code).setHelperText("Never changes once saved, e.g. SK-LX09-CARBLA");
        field("model", model);
        field("colour", colour);
        field("family", family).setHelperText("A whole family can be put on hold at once, e.g. SIDEKICK");
        if (sku != null) {
            code.setValue(sku.getCode());
            code.setReadOnly(true);
            model.setValue(sku.getModel());
            colour.setValue(sku.getColour());
            family.setValue(sku.getFamily());
        }
        this.submitter = () -> {
            SkuDetails details = new SkuDetails(code.getValue(), model.getValue(), colour.getValue(),
                    family.getValue());
            Sku result = sku == null ? catalog.addSku(details) : catalog.editSku(sku.getCode(), details);
            Notifications.success("SKU " + result.getCode() + (sku == null ? " added" : " saved"));
            saved.accept(result);
        };
    }

    private final Runnable submitter;

    @Override
    protected void submit() {
        submitter.run();
    }
}
