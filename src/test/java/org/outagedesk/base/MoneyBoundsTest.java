package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 16, hole 1, below the JSON layer (the console's fields): hostile amounts are refused cheaply, briefly. */
class MoneyBoundsTest {

    @Test
    @Timeout(5)
    void an_amount_of_a_hundred_million_digits_is_refused_without_writing_them_out() {
        for (String hostile : new String[] {"1e-100000000", "1e2147483647", "-1e-2147483647"}) {
            assertThatThrownBy(() -> Money.usd(new BigDecimal(hostile)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> Assertions.assertThat(e.getMessage()).hasSizeLessThan(100));
        }
    }
}
