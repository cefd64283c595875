package org.outagedesk.base;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads {@link Money} from a request: the object {@code {"amount": 20.00, "currency": "USD"}} that responses carry,
 * or a bare number ({@code 20.00}, or the text {@code "20.00"}) meaning US dollars. A currency that is not a currency,
 * an amount with more decimals than it allows, or anything else is refused naming the field at fault.
 */
public final class MoneyJson extends ValueDeserializer<Money> {

    /** Longest amount text accepted: bounds the work of parsing hostile input. */
    private static final int MAX_AMOUNT_CHARS = 32;

    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            return money(amount(p, ctxt), Money.USD, ctxt);
        }
        if (token != JsonToken.START_OBJECT) {
            return ctxt.reportInputMismatch(Money.class,
                    "money is {\"amount\": 20.00, \"currency\": \"USD\"} or a number of US dollars");
        }
        BigDecimal amount = null;
        Currency currency = Money.USD;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            switch (name) {
                case "amount" -> amount = value == JsonToken.VALUE_NULL ? null : amount(p, ctxt);
                case "currency" -> currency = currency(p, ctxt);
                default -> p.skipChildren();
            }
        }
        if (amount == null) {
            return ctxt.reportInputMismatch(Money.class, "amount is required");
        }
        return money(amount, currency, ctxt);
    }

    private static BigDecimal amount(JsonParser p, DeserializationContext ctxt) {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            String text = p.getString();
            if (text != null && text.length() <= MAX_AMOUNT_CHARS) {
                try {
                    return new BigDecimal(text.strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        return ctxt.reportInputMismatch(Money.class, "amount must be a number such as 20.00");
    }

    private static Currency currency(JsonParser p, DeserializationContext ctxt) {
        String code = p.currentToken() == JsonToken.VALUE_STRING ? p.getString() : null;
        if (code != null && code.strip().length() == 3) {
            try {
                return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return ctxt.reportInputMismatch(Money.class, "currency must be an ISO 4217 code such as USD");
    }

    private static Money money(BigDecimal amount, Currency currency, DeserializationContext ctxt) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            int digits = currency.getDefaultFractionDigits();
            return ctxt.reportInputMismatch(Money.class, "Amounts are in " + currency.getCurrencyCode() + " with at most "
                    + (digits == 2 ? "two" : String.valueOf(digits)) + " decimals");
        }
    }
}
