package org.outagedesk.mail;

/**
 * What sending (or previewing, {@code dryRun}) a retail instruction to stores did: {@code stores} open stores chosen,
 * of which {@code emailed} get it now, {@code alreadySent} had it already (nothing added for them) and
 * {@code withoutAddress} have no e-mail address (on record as skipped); {@code closedSkipped} closed stores were
 * chosen and left out.
 */
public record RetailInstructionSent(long incidentId, long entryId, boolean dryRun, long stores, long emailed,
        long alreadySent, long withoutAddress, long closedSkipped) {
}
