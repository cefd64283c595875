package org.outagedesk.credits;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** A request for one credit, as typed in the dialog or posted to the API. */
public record NewCredit(@Nullable String msisdn, @Nullable Long incidentId, @Nullable String reasonCode,
        @Nullable BigDecimal amount, @Nullable String note) {

    /** What makes two requests "the same" for an idempotency key: every field, amounts compared by value. */
    String hash() {
        String canonical = String.join("\u0001", String.valueOf(msisdn == null ? null : msisdn.strip()),
                String.valueOf(incidentId), String.valueOf(reasonCode == null ? null : reasonCode.strip()),
                amount == null ? "null" : amount.stripTrailingZeros().toPlainString(),
                String.valueOf(note == null ? null : note.strip()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
