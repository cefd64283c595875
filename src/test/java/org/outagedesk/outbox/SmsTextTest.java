package org.outagedesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void the_gsm_alphabet_has_its_128_characters() {
        assertThat(SmsText.GSM_BASIC).hasSize(128);
    }

    @Test
    void a_text_of_gsm_characters_is_7_bit_and_fits_160_in_one_part() {
        SmsText t = SmsText.of("a".repeat(160));
        assertThat(t.encoding()).isEqualTo(SmsText.Encoding.GSM7);
        assertThat(t.parts()).isEqualTo(1);
        assertThat(t.payloads(1).getFirst()).hasSize(160);
    }

    @Test
    void a_longer_text_is_split_into_153_character_parts_with_a_concatenation_header() {
        SmsText t = SmsText.of("b".repeat(161));
        assertThat(t.parts()).isEqualTo(2);
        List<byte[]> p = t.payloads(7);
        assertThat(p.get(0)).hasSize(6 + 153);
        assertThat(p.get(0)[0]).isEqualTo((byte) 5);
        assertThat(p.get(0)[3]).isEqualTo((byte) 7);
        assertThat(p.get(0)[4]).isEqualTo((byte) 2);
        assertThat(p.get(1)[5]).isEqualTo((byte) 2);
        assertThat(SmsText.of("c".repeat(153 * 3 + 1)).parts()).isEqualTo(4);
    }

    @Test
    void extension_characters_count_twice_and_are_never_split_from_their_escape() {
        // 80 euro signs are 160 septets: one part; 81 need two
        assertThat(SmsText.of("€".repeat(80)).parts()).isEqualTo(1);
        SmsText t = SmsText.of("€".repeat(81));
        assertThat(t.parts()).isEqualTo(2);
        for (byte[] part : t.payloads(1)) {
            assertThat(part[part.length - 1]).isNotEqualTo((byte) 0x1b);
        }
        assertThat(SmsText.decode(SmsText.of("Price: 20€ [ok]").payloads(0).getFirst(), false))
                .isEqualTo("Price: 20€ [ok]");
    }

    @Test
    void a_character_outside_the_gsm_alphabet_makes_the_text_ucs2_with_70_per_part() {
        SmsText t = SmsText.of("Données perdues — désolé");
        assertThat(t.encoding()).isEqualTo(SmsText.Encoding.UCS2);
        assertThat(SmsText.of("—".repeat(70)).parts()).isEqualTo(1);
        assertThat(SmsText.of("—".repeat(71)).parts()).isEqualTo(2);
        assertThat(SmsText.decode(t.payloads(0).getFirst(), true)).isEqualTo("Données perdues — désolé");
    }
}
