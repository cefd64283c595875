package org.outagedesk.notices;

/** Which channels a notice uses: texts, e-mails, both, or a text and an e-mail to those who cannot be texted. */
public enum NoticeChannels {
    SMS("Text message"),
    EMAIL("E-mail"),
    BOTH("Text message and e-mail"),
    SMS_ELSE_EMAIL("Text message, else e-mail");

    private final String label;

    NoticeChannels(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean texts() {
        return this != EMAIL;
    }

    public boolean emails() {
        return this != SMS;
    }
}
