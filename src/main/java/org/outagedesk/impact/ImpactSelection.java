package org.outagedesk.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The affected subscribers a set-based statement of another feature selects (a campaign's tiers), as SQL that impact
 * writes because it owns the {@code impact} and {@code subscriber} columns: the credits feature embeds these fragments
 * in its {@code INSERT ... SELECT}, so a credit batch stays one statement, and never names impact's columns itself.
 * The fragments read two aliases: {@code i} (impact) and {@code s} (subscriber).
 */
public final class ImpactSelection {

    /** The incident's impacts joined with their subscribers, as {@code i} and {@code s}. */
    public static final String FROM = "impact i join subscriber s on s.id = i.subscriber_id";
    /**
     * One batch of a walk (see ImpactRows): the incident's impacts with ids in ({@code :from}, {@code :to}], found
     * through the walk's index {@code (incident_id, id)} first and then joined by id. The statement's own WHERE must not
     * name {@code i.incident_id}: with it, and a rule on the status, H2 2.4 chose the list's index
     * {@code (incident_id, status, region, name, subscriber_id)}, which holds the status too, and read every impact
     * of the incident for each batch (1,000,000 index rows per batch of 5,000 at a million subscribers).
     */
    private static final String BATCH = "(select w.id from impact w where w.incident_id = :incident and w.id > :from"
            + " and w.id <= :to) b join impact i on i.id = b.id";
    /** One batch's impacts joined with their subscribers, as {@code i} and {@code s}. */
    public static final String FROM_BATCH = BATCH + " join subscriber s on s.id = i.subscriber_id";
    /** One batch's impacts alone, as {@code i}, when no rule reads the subscriber. */
    public static final String FROM_BATCH_IMPACTS = BATCH;
    /** The subscriber id and the incident id of a selected row. */
    public static final String SUBSCRIBER_ID = "i.subscriber_id";
    public static final String INCIDENT_ID = "i.incident_id";
    /** The rows of the incident named {@code :incident}. */
    public static final String OF_INCIDENT = "i.incident_id = :incident";

    private ImpactSelection() {
    }

    /**
     * Who is selected, as rules over impacts; each rule that is null (or empty) is absent and matches everyone;
     * {@code categories} matches a subscriber who lost any of them.
     */
    public record Criteria(@Nullable Set<DataLossStatus> statuses, @Nullable Set<DataCategory> categories,
            @Nullable Boolean dataPlan, @Nullable Set<String> skus, @Nullable Set<String> regions) {
    }

    /**
     * The criteria as a condition over {@code i} and {@code s} ("1 = 1" when all are absent), their values added to
     * {@code p} under names that start with {@code prefix}, so that several criteria fit one statement.
     */
    public static String where(Criteria c, String prefix, MapSqlParameterSource p) {
        List<String> parts = new ArrayList<>();
        if (c.statuses() != null && !c.statuses().isEmpty()) {
            parts.add("i.status in (:" + prefix + "statuses)");
            p.addValue(prefix + "statuses", c.statuses().stream().map(Enum::name).toList());
        }
        if (c.categories() != null && !c.categories().isEmpty()) {
            // column names come from the enum, never from input
            parts.add("(" + String.join(" or ", c.categories().stream().sorted()
                    .map(k -> "i." + k.column() + " = true").toList()) + ")");
        }
        if (c.dataPlan() != null) {
            parts.add("s.data_plan = :" + prefix + "plan");
            p.addValue(prefix + "plan", c.dataPlan());
        }
        if (c.skus() != null && !c.skus().isEmpty()) {
            parts.add("s.sku_code in (:" + prefix + "skus)");
            p.addValue(prefix + "skus", List.copyOf(c.skus()));
        }
        if (c.regions() != null && !c.regions().isEmpty()) {
            parts.add("s.region in (:" + prefix + "regions)");
            p.addValue(prefix + "regions", List.copyOf(c.regions()));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
    }
}
