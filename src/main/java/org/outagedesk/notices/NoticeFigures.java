package org.outagedesk.notices;

/** Messages of an incident's notices that went out (sent, delivered, failed or expired) and those delivered. */
public record NoticeFigures(long notified, long delivered) {
}
