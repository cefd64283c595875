package org.outagedesk.base;

import java.util.regex.Pattern;

/**
 * A subscriber's phone number in E.164 form: a plus sign, a country code that does not start with 0, and at most
 * 15 digits in all. {@link #parse(String)} accepts what people type (spaces, dashes, brackets, dots) and gives the
 * canonical form.
 */
public record Msisdn(String value) implements Comparable<Msisdn> {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");

    public Msisdn {
        if (value == null || !E164.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an E.164 number: a '+', the country code and the number, 8 to 15 digits");
        }
    }

    /** Parses a number as typed: separators are dropped, a leading "00" becomes "+". */
    public static Msisdn parse(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("A phone number is required");
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        try {
            return new Msisdn(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + typed
                    + "' is not an E.164 number: a '+', the country code and the number, 8 to 15 digits");
        }
    }

    @Override
    public int compareTo(Msisdn o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
