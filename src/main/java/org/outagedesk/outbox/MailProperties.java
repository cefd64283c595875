package org.outagedesk.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.mail.*}: the sender of outbound e-mail ({@code from}) and where a recipient unsubscribes
 * ({@code unsubscribe}: a mailto: or https: address for the List-Unsubscribe header). The relay itself is
 * {@code spring.mail.host}, {@code port}, {@code username}, {@code password}, {@code properties.*}.
 */
@ConfigurationProperties("outagedesk.mail")
public record MailProperties(@Nullable String from, @Nullable String unsubscribe) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Outage Desk <notices@outagedesk.example>" : from;
        unsubscribe = unsubscribe == null || unsubscribe.isBlank() ? "mailto:unsubscribe@outagedesk.example"
                : unsubscribe;
    }
}
