package org.outagedesk.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.impact.DataCategory;
import org.outagedesk.impact.DataLossStatus;

/** How a tier's rules read on the timeline and in the audit trail. */
class TierRulesTest {

    @Test
    void no_rule_is_every_affected_subscriber() {
        assertThat(TierRules.all().describe()).isEqualTo("every affected subscriber");
        assertThat(new TierRules(Set.of(), Set.of(), null, Set.of(), Set.of()).describe())
                .isEqualTo("every affected subscriber");
    }

    @Test
    void every_rule_is_named_in_a_stable_order() {
        TierRules rules = new TierRules(EnumSet.of(DataLossStatus.LOST, DataLossStatus.DEVICE_ONLY),
                EnumSet.of(DataCategory.PHOTOS, DataCategory.CONTACTS), true, Set.of("SK-S3-WHI", "SK-LX09-BLU"),
                Set.of("Pacific Northwest", "New York Metro"));
        assertThat(rules.describe()).isEqualTo("status Only on device or Lost, lost Contacts or Photos, with a data plan,"
                + " SKU SK-LX09-BLU/SK-S3-WHI, region New York Metro/Pacific Northwest");
        assertThat(new TierRules(null, null, false, null, null).describe()).isEqualTo("without a data plan");
        assertThat(new TierRules(null, Set.of(DataCategory.EMAIL), null, null, null).describe())
                .isEqualTo("lost E-mail");
    }
}
