package org.outagedesk.credits.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.outagedesk.base.DomainException;
import org.outagedesk.credits.CampaignDetails;
import org.outagedesk.credits.CampaignService;
import org.outagedesk.credits.NewCampaign;
import org.outagedesk.credits.ReasonCode;
import org.outagedesk.credits.TierRules;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;

/**
 * A credit campaign from the console (the API's {@code POST /api/campaigns} in a form): a name and up to ten tiers,
 * each with who it credits (statuses, data lost, data plan), the reason and the amount. It is created as a draft;
 * the dry run on its detail says what it would pay before anyone submits it. Every error shows at once, next to
 * its field, and the first gets the focus.
 */
class NewCampaignDialog extends Dialog {

    private static final int MAX_TIERS = 10;
    private static final String ANY = "Data plan or not";
    private static final String WITH = "Only with a data plan";
    private static final String WITHOUT = "Only without a data plan";

    private final TextField name = new TextField("Campaign name");
    private final VerticalLayout tierList = new VerticalLayout();
    private final List<TierForm> tiers = new ArrayList<>();
    private final List<ReasonCode> reasons;

    NewCampaignDialog(CampaignService campaigns, List<ReasonCode> reasons, long incidentId,
            Consumer<CampaignDetails> created) {
        this.reasons = reasons;
        setHeaderTitle("New credit campaign");
        setWidth("48rem");
        name.setId("new-campaign-name");
        name.setWidthFull();
        name.setMaxLength(200);
        tierList.setPadding(false);
        Button addTier = new Button("Add a tier", VaadinIcon.PLUS.create(), e -> addTier());
        addTier.setId("new-campaign-add-tier");
        addTier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new VerticalLayout(name, tierList, addTier));
        addTier();

        Button save = new Button("Create draft", e -> save(campaigns, incidentId, created));
        save.setId("new-campaign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void addTier() {
        if (tiers.size() >= MAX_TIERS) {
            return;
        }
        TierForm tier = new TierForm(tiers.size() + 1, reasons);
        tiers.add(tier);
        tierList.add(tier.layout);
    }

    private void save(CampaignService campaigns, long incidentId, Consumer<CampaignDetails> created) {
        Map<HasValidation, String> errors = new LinkedHashMap<>();
        name.setInvalid(false);
        tiers.forEach(TierForm::clear);
        if (name.getValue().isBlank()) {
            errors.put(name, "Give the campaign a name");
        }
        for (TierForm t : tiers) {
            t.check(errors);
        }
        if (errors.isEmpty()) {
            try {
                CampaignDetails c = campaigns.create(new NewCampaign(incidentId, name.getValue(),
                        tiers.stream().map(TierForm::tier).toList()));
                close();
                created.accept(c);
                return;
            } catch (DomainException ex) {
                errors.put(field(ex.field()), ex.getMessage());
            }
        }
        errors.forEach((f, message) -> {
            f.setErrorMessage(message);
            f.setInvalid(true);
        });
        errors.keySet().stream().findFirst().ifPresent(f -> ((Focusable<?>) f).focus());
    }

    /** "tiers[1].amount" → that tier's amount field. */
    private HasValidation field(String path) {
        if (path != null && path.startsWith("tiers[")) {
            int close = path.indexOf(']');
            int k = Integer.parseInt(path.substring(6, close));
            if (k >= 0 && k < tiers.size()) {
                TierForm t = tiers.get(k);
                return path.endsWith(".amount") ? t.amount : path.endsWith(".reasonCode") ? t.reason : t.name;
            }
        }
        return name;
    }

    private static final class TierForm {

        final TextField name = new TextField("Tier name");
        final ComboBox<ReasonCode> reason = new ComboBox<>("Reason");
        final BigDecimalField amount = new BigDecimalField("Amount per subscriber (USD)");
        final MultiSelectComboBox<DataLossStatus> statuses = new MultiSelectComboBox<>("Data-loss statuses");
        final MultiSelectComboBox<DataCategory> categories = new MultiSelectComboBox<>("Data lost (any of)");
        final Select<String> dataPlan = new Select<>();
        final VerticalLayout layout = new VerticalLayout();

        TierForm(int no, List<ReasonCode> reasons) {
            name.setId("new-campaign-tier-" + no + "-name");
            reason.setId("new-campaign-tier-" + no + "-reason");
            amount.setId("new-campaign-tier-" + no + "-amount");
            statuses.setId("new-campaign-tier-" + no + "-statuses");
            reason.setItems(reasons);
            reason.setItemLabelGenerator(ReasonCode::label);
            statuses.setItems(DataLossStatus.values());
            statuses.setItemLabelGenerator(DataLossStatus::label);
            statuses.setHelperText("None chosen: every status");
            categories.setItems(DataCategory.values());
            categories.setItemLabelGenerator(DataCategory::label);
            categories.setHelperText("None chosen: whatever was lost");
            dataPlan.setLabel("Data plan");
            dataPlan.setItems(ANY, WITH, WITHOUT);
            dataPlan.setValue(ANY);
            FormLayout form = new FormLayout(name, reason, amount, dataPlan, statuses, categories);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
            layout.setPadding(false);
            layout.add(new H4("Tier " + no), form);
        }

        void clear() {
            name.setInvalid(false);
            reason.setInvalid(false);
            amount.setInvalid(false);
        }

        void check(Map<HasValidation, String> errors) {
            if (name.getValue().isBlank()) {
                errors.put(name, "Give the tier a name");
            }
            if (reason.getValue() == null) {
                errors.put(reason, "Choose why it is credited");
            }
            if (amount.getValue() == null || amount.getValue().signum() <= 0) {
                errors.put(amount, "Enter an amount above $0.00");
            }
        }

        NewCampaign.Tier tier() {
            Boolean plan = switch (dataPlan.getValue()) {
                case WITH -> Boolean.TRUE;
                case WITHOUT -> Boolean.FALSE;
                default -> null;
            };
            TierRules rules = new TierRules(statuses.getValue().isEmpty() ? null : EnumSet.copyOf(statuses.getValue()),
                    categories.getValue().isEmpty() ? null : EnumSet.copyOf(categories.getValue()), plan, null, null);
            BigDecimal value = amount.getValue();
            return new NewCampaign.Tier(name.getValue(), rules, reason.getValue() == null ? null
                    : reason.getValue().code(), value);
        }
    }
}
