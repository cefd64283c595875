package org.outagedesk.outbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code outagedesk.smpp.*}: the carrier's SMSC. {@code host} and {@code port} (blank host: the demo simulator when it
 * runs, else SMS is off), {@code system-id}, {@code password}, {@code system-type}, {@code source-address} (the
 * number or short code texts come from), {@code window} (submits outstanding at once), {@code rate} (messages per
 * second at most), {@code response-timeout} (wait for a submit_sm_resp), {@code max-parts} (a template whose text
 * takes more parts is refused).
 */
@ConfigurationProperties("outagedesk.smpp")
public record SmppProperties(@Nullable String host, @Nullable Integer port, @Nullable String systemId,
        @Nullable String password, @Nullable String systemType, @Nullable String sourceAddress,
        @Nullable Integer window, @Nullable Double rate, @Nullable Duration responseTimeout,
        @Nullable Duration bindTimeout, @Nullable Integer maxParts) {

    public SmppProperties {
        port = port == null ? 2775 : port;
        systemId = systemId == null ? "outagedesk" : systemId;
        password = password == null ? "secret" : password;
        systemType = systemType == null ? "" : systemType;
        sourceAddress = sourceAddress == null || sourceAddress.isBlank() ? "611" : sourceAddress;
        window = window == null ? 10 : Math.max(1, window);
        rate = rate == null ? 100.0 : rate;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
        bindTimeout = bindTimeout == null ? Duration.ofSeconds(5) : bindTimeout;
        maxParts = maxParts == null ? 3 : Math.max(1, maxParts);
    }
}
