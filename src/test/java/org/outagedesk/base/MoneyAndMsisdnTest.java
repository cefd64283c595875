package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyAndMsisdnTest {

    @Test
    void money_keeps_two_decimals_and_adds_exactly() {
        Money total = Money.usd("0.10").plus(Money.usd("0.20"));
        assertThat(total).isEqualTo(Money.usd("0.30"));
        assertThat(total.toString()).isEqualTo("$0.30");
        assertThat(Money.usd("20").amount()).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void money_refuses_fractions_of_a_cent_instead_of_rounding_them_away() {
        assertThatThrownBy(() -> Money.usd("19.999")).hasMessageContaining("more than 2 decimals");
    }

    @Test
    void money_in_different_currencies_does_not_mix() {
        Money euros = new Money(new BigDecimal("1.00"), java.util.Currency.getInstance("EUR"));
        assertThatThrownBy(() -> Money.usd("1.00").plus(euros)).hasMessageContaining("EUR");
    }

    @Test
    void msisdn_accepts_what_people_type_and_keeps_the_e164_form() {
        assertThat(Msisdn.parse("+1 (206) 555-0100").value()).isEqualTo("+12065550100");
        assertThat(Msisdn.parse("0012065550100").value()).isEqualTo("+12065550100");
    }

    @Test
    void msisdn_refuses_numbers_that_are_not_e164() {
        assertThatThrownBy(() -> Msisdn.parse("2065550100")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> Msisdn.parse("+0123456789")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> Msisdn.parse("+1234567890123456")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> Msisdn.parse("+1206555abcd")).hasMessageContaining("E.164");
    }
}
