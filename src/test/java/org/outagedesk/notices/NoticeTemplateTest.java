package org.outagedesk.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A notice's template is split once and rendered for every subscriber, in one pass over the template. */
class NoticeTemplateTest {

    @Test
    void every_placeholder_is_replaced_and_a_value_that_looks_like_a_placeholder_stays_as_it_is() {
        NoticeTemplate.Compiled t = NoticeTemplate.compile("{name}: {statusText}. {credit} {name}!");
        assertThat(t.render(Map.of("name", "{credit} $5", "statusText", "restored", "credit", "$10.00")))
                .isEqualTo("{credit} $5: restored. $10.00 {credit} $5!");
        assertThat(NoticeTemplate.compile("no placeholders").render(Map.of("name", "x"))).isEqualTo("no placeholders");
        assertThat(NoticeTemplate.compile("{name}").render(Map.of())).isEmpty();
        assertThat(NoticeTemplate.compile("").render(Map.of("name", "x"))).isEmpty();
        assertThat(NoticeTemplate.render("Hi {name}, see {advisoryUrl}", Map.of("name", "Ana \\1 $0",
                "advisoryUrl", "http://x/a"))).isEqualTo("Hi Ana \\1 $0, see http://x/a");
    }
}
