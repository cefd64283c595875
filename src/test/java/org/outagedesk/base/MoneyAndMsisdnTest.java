package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
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
        Money euros = new Money(new BigDecimal("1.00"), Currency.getInstance("EUR"));
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

    @Test
    void money_subtracts_negates_and_compares() {
        Money twenty = Money.usd("20.00");
        Money five = Money.usd(new BigDecimal("5"));
        assertThat(twenty.minus(five)).isEqualTo(Money.usd("15.00"));
        assertThat(five.minus(twenty).isNegative()).isTrue();
        assertThat(twenty.minus(twenty).isNegative()).isFalse();
        assertThat(twenty.minus(twenty).isZero()).isTrue();
        assertThat(twenty.isZero()).isFalse();
        assertThat(twenty.negate()).isEqualTo(Money.usd("-20.00"));
        assertThat(twenty.negate().toString()).isEqualTo("$-20.00");
        assertThat(twenty.isGreaterThan(five)).isTrue();
        assertThat(five.isGreaterThan(twenty)).isFalse();
        assertThat(twenty.isGreaterThan(Money.usd("20"))).as("equal is not greater").isFalse();
        assertThat(twenty.compareTo(five)).isPositive();
        assertThat(five.compareTo(twenty)).isNegative();
        assertThat(Money.zero(Money.USD)).isEqualTo(Money.usd("0.00"));
        assertThat(Money.usd("19.990").amount()).isEqualTo(new BigDecimal("19.99"));
        Money yen = new Money(new BigDecimal("100"), Currency.getInstance("JPY"));
        assertThat(yen.toString()).isEqualTo("JPY 100");
        assertThatThrownBy(() -> new Money(new BigDecimal("1.5"), Currency.getInstance("JPY")))
                .hasMessageContaining("more than 0 decimals");
        Money euros = new Money(new BigDecimal("1.00"), Currency.getInstance("EUR"));
        assertThatThrownBy(() -> Money.usd("1.00").minus(euros)).hasMessageContaining("EUR");
        assertThatThrownBy(() -> Money.usd("1.00").compareTo(euros)).hasMessageContaining("EUR");
        assertThatThrownBy(() -> new Money(null, Money.USD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void msisdn_takes_8_to_15_digits_and_orders_by_its_text() {
        assertThat(Msisdn.parse("+1234567").value()).isEqualTo("+1234567");
        assertThat(Msisdn.parse("+123456789012345").value()).isEqualTo("+123456789012345");
        assertThatThrownBy(() -> Msisdn.parse("+123456")).hasMessageContaining("'+123456' is not an E.164");
        assertThat(Msisdn.parse(" +1.206.555.0100 ").toString()).isEqualTo("+12065550100");
        assertThat(Msisdn.parse("+12065550100").compareTo(Msisdn.parse("+12065550101"))).isNegative();
        assertThat(Msisdn.parse("+12065550101").compareTo(Msisdn.parse("+12065550100"))).isPositive();
        assertThatThrownBy(() -> Msisdn.parse(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> new Msisdn(null)).hasMessageContaining("E.164");
        assertThatThrownBy(() -> Msisdn.parse("0 206 555 0100")).hasMessageContaining("'0 206 555 0100'");
    }
}
