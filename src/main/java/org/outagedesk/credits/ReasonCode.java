package org.outagedesk.credits;

/** Why a credit is given. The list is data (table credit_reason), not code. */
public record ReasonCode(String code, String label, boolean allowsZero) {
}
