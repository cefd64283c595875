package org.outagedesk.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outagedesk.base.DomainException;

/** The subscriber filter as the API gives it, and how it reads in the audit trail. */
class ImpactFilterTest {

    @Test
    void statuses_come_repeated_or_comma_separated_and_blanks_are_ignored() {
        ImpactFilter f = ImpactFilter.parse(List.of("lost, device-only", "", "RECOVERED,"), "photos", null, null,
                null, null, null);
        assertThat(f.statuses()).containsExactlyInAnyOrder(DataLossStatus.LOST, DataLossStatus.DEVICE_ONLY,
                DataLossStatus.RECOVERED);
        assertThat(f.category()).isEqualTo(DataCategory.PHOTOS);
        assertThat(f.isEmpty()).isFalse();
        assertThat(ImpactFilter.parse(null, null, null, null, null, null, null).isEmpty()).isTrue();
        assertThat(ImpactFilter.parse(null, " ", null, null, null, null, null).category()).isNull();
    }

    @Test
    void an_unknown_status_or_category_is_refused_naming_the_field_and_the_allowed_values() {
        assertThatThrownBy(() -> ImpactFilter.parse(List.of("LOST,GONE"), null, null, null, null, null, null))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("status");
        assertThatThrownBy(() -> ImpactFilter.parse(List.of(" GONE "), null, null, null, null, null, null))
                .hasMessageContaining("'GONE' is not one of [UNKNOWN, DEVICE_ONLY, LOST, RECOVERED, NOT_AFFECTED]");
        assertThatThrownBy(() -> ImpactFilter.parse(null, "videos", null, null, null, null, null))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("category");
        assertThatThrownBy(() -> ImpactFilter.parse(null, "videos", null, null, null, null, null))
                .hasMessageContaining("'videos' is not one of [CONTACTS");
    }

    @Test
    void a_filter_is_empty_only_without_any_criterion() {
        assertThat(ImpactFilter.all().isEmpty()).isTrue();
        assertThat(new ImpactFilter(Set.of(), null, " ", "", " ", null, "  ").isEmpty()).isTrue();
        assertThat(new ImpactFilter(Set.of(DataLossStatus.LOST), null, null, null, null, null, null).isEmpty())
                .isFalse();
        assertThat(new ImpactFilter(null, DataCategory.SMS, null, null, null, null, null).isEmpty()).isFalse();
        assertThat(new ImpactFilter(null, null, "G1-BLA", null, null, null, null).isEmpty()).isFalse();
        assertThat(new ImpactFilter(null, null, null, "New York Metro", null, null, null).isEmpty()).isFalse();
        assertThat(new ImpactFilter(null, null, null, null, "D-NY-UWS-01", null, null).isEmpty()).isFalse();
        assertThat(new ImpactFilter(null, null, null, null, null, false, null).isEmpty()).isFalse();
        assertThat(new ImpactFilter(null, null, null, null, null, null, "555").isEmpty()).isFalse();
    }

    @Test
    void the_description_names_every_criterion() {
        assertThat(ImpactFilter.all().describe()).isEqualTo("all subscribers of the incident");
        ImpactFilter f = new ImpactFilter(EnumSet.of(DataLossStatus.LOST, DataLossStatus.UNKNOWN), DataCategory.PHOTOS,
                "SK-3-BLA", "New York Metro", "D-NY-UWS-01", true, " Smith ");
        assertThat(f.describe()).isEqualTo("status Unknown or Lost, data concerned Photos, SKU SK-3-BLA,"
                + " region New York Metro, home store D-NY-UWS-01, contacted, number, account or name containing 'Smith'");
        assertThat(new ImpactFilter(Set.of(), null, " ", " ", " ", false, " ").describe()).isEqualTo("never contacted");
        assertThat(f.withStatuses(Set.of(DataLossStatus.RECOVERED))).isEqualTo(new ImpactFilter(
                Set.of(DataLossStatus.RECOVERED), DataCategory.PHOTOS, "SK-3-BLA", "New York Metro", "D-NY-UWS-01", true,
                " Smith "));
    }
}
