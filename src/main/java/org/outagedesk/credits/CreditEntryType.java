package org.outagedesk.credits;

/** A credit given, or the compensating entry (negative amount) that reverses one. */
public enum CreditEntryType {
    CREDIT, REVERSAL
}
