package org.outagedesk.notices;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a notice would do if it went now: {@code recipients} subscribers, messages per channel that would go,
 * messages skipped per reason, how many texts would wait for the end of quiet hours, texts per number of SMS parts,
 * and three rendered samples.
 */
public record NoticePreview(long recipients, Map<String, Long> byChannel, Map<String, Long> skipped,
        long waitingForMorning, Map<Integer, Long> smsParts, List<Sample> samples) {

    public record Sample(String channel, String to, @Nullable String subject, String text,
            @Nullable Integer smsParts) {
    }
}
