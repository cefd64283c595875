package org.outagedesk.outbox;

/**
 * What "resend the failed ones" will send again, and how many of the failed messages it leaves as they are because
 * they are in doubt (they may have reached their recipient; resent only when asked).
 */
public record ResendRequested(long toSend, long inDoubtLeft) {
}
