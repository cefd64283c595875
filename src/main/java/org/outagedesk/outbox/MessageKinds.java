package org.outagedesk.outbox;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every kind of outbound message. The message list filters by kind, and finds an incident's or a recipient's messages
 * through the index on the kind (a notice's through its own indexes), so a message of a kind not named here could not
 * be found: {@link OutboundMessage} refuses one.
 */
public final class MessageKinds {

    /** A customer notice's text or e-mail (notices). */
    public static final String NOTICE = "NOTICE";

    /** Every kind but {@link #NOTICE}: the store and team e-mails (mail), a few per hold, store or manager. */
    public static final Set<String> MAIL = Set.of("HOLD_CHANGED", "RETAIL_INSTRUCTION", "ACK_REMINDER", "ESCALATION",
            "VIOLATION", "UPDATE_OVERDUE", "APPROVAL_PENDING");

    /** Every kind, in alphabetical order. */
    public static final Set<String> ALL;

    static {
        TreeSet<String> all = new TreeSet<>(MAIL);
        all.add(NOTICE);
        ALL = Collections.unmodifiableSortedSet(all);
    }

    private MessageKinds() {
    }
}
