package org.outagedesk.holds;

/**
 * Where a hold stands, derived from its times and never stored: a hold placed for tomorrow becomes ACTIVE by the
 * clock alone, with nobody having to flip it.
 */
public enum HoldStatus {
    /** Effective from a time still in the future. */
    SCHEDULED,
    /** In force now. */
    ACTIVE,
    /** Ended by a person (who, when and why are recorded). */
    LIFTED,
    /** Reached its "until" time. */
    EXPIRED
}
