package org.outagedesk.holds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.IntegrationTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The stop-sale dialog names every mistake at once, each next to its field, and places nothing. */
@IntegrationTest
@SuppressWarnings("unchecked")
class PlaceHoldDialogTest extends SpringBrowserlessTest {

    @Override
    protected Set<String> scanPackages() {
        return Set.of("org.outagedesk");
    }

    @Test
    @WithUserDetails("manager")
    void every_invalid_field_shows_its_error_at_once() {
        navigate(HoldListView.class);
        test($(Button.class).id("place-hold")).click();
        ((RadioButtonGroup<String>) $(RadioButtonGroup.class).id("hold-what")).setValue(PlaceHoldDialog.LIST);
        $(IntegerField.class).id("hold-ack-hours").setValue(0);
        test($(Button.class).id("place-hold-submit")).click();

        MultiSelectComboBox<?> skus = $(MultiSelectComboBox.class).id("hold-skus");
        CheckboxGroup<?> channels = $(CheckboxGroup.class).id("hold-channels");
        IntegerField hours = $(IntegerField.class).id("hold-ack-hours");
        TextArea reason = $(TextArea.class).id("hold-reason");
        assertThat(skus.isInvalid()).isTrue();
        assertThat(skus.getErrorMessage()).isEqualTo("Choose at least one SKU");
        assertThat(channels.isInvalid()).isTrue();
        assertThat(channels.getErrorMessage()).isEqualTo("Choose at least one channel");
        assertThat(hours.isInvalid()).isTrue();
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Say why: stores read it");
        assertThat($(Button.class).id("place-hold-submit").isAttached()).isTrue();
    }
}
