package org.outagedesk.base;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An amount of money in one currency, always with the currency's number of decimals (two for USD). Never a double:
 * amounts are parsed from text or built from {@link BigDecimal}, and a value with more decimals than the currency
 * allows is refused rather than rounded silently.
 *
 * <p>On the API it is always {@code {"amount": 20.00, "currency": "USD"}} in answers; requests may send that object
 * or a bare number of US dollars ({@link MoneyJson}).
 */
@JsonDeserialize(using = MoneyJson.class)
@Schema(description = "Money: {\"amount\": 20.00, \"currency\": \"USD\"} (the amount a decimal number with the"
        + " currency's two decimals, never floating point). Requests may also send a bare number of US dollars"
        + " (20.00).", example = "{\"amount\": 20.00, \"currency\": \"USD\"}")
public record Money(
        @Schema(description = "The amount, two decimals for USD", example = "20.00", type = "number") BigDecimal amount,
        @Schema(description = "ISO 4217 currency code", example = "USD", type = "string") Currency currency) implements Comparable<Money> {

    public static final Currency USD = Currency.getInstance("USD");
    /** Digits after the point an amount may be given with (trailing zeros included), and before it. */
    static final int MAX_SCALE = 30;
    static final int MAX_INTEGER_DIGITS = 18;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        // 1e-100000000 or 1e2147483647 would take a hundred million digits or more to write out or to scale:
        // refused by looking at scale and precision only, and never spelled out in the message
        if (amount.scale() > MAX_SCALE || (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("The amount is out of range for " + currency);
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " has more than " + digits + " decimals for " + currency);
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    /** "$20.00" for USD, "EUR 20.00" otherwise. */
    @Override
    public String toString() {
        return (USD.equals(currency) ? "$" : currency.getCurrencyCode() + " ") + amount.toPlainString();
    }
}
