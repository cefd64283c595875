package org.outagedesk.catalog;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a SKU, a store or a region must meet, in one place for the CSV imports, the API and the console's
 * dialogs: each check gives the cleaned values (trimmed, codes and families in capitals) or every problem by field.
 */
final class CatalogRules {

    /** What a check gives: the cleaned values when {@code errors} is empty. */
    record Checked<T>(@Nullable T value, Map<String, String> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    static final int CODE_MAX = 32;
    static final int SKU_CODE_MAX = 64;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;\"<>]+@[^@\\s,;\"<>.]+(\\.[^@\\s,;\"<>.]+)+");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private CatalogRules() {
    }

    static Checked<SkuDetails> sku(SkuDetails in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = code(in.code(), "code", SKU_CODE_MAX, false, errors);
        String model = text(in.model(), "model", 100, errors);
        String colour = text(in.colour(), "colour", 50, errors);
        String family = text(in.family(), "family", 50, errors);
        return errors.isEmpty() ? new Checked<>(new SkuDetails(code, model, colour, family.toUpperCase(Locale.ROOT)),
                Map.of()) : new Checked<>(null, errors);
    }

    /**
     * @param zoneOfRegion the zone of each known region (empty if unknown): a store's zone defaults to its region's
     */
    static Checked<StoreDetails> store(StoreDetails in, Function<String, @Nullable String> zoneOfRegion) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = code(in.code(), "code", CODE_MAX, true, errors);
        String name = text(in.name(), "name", 200, errors);
        String region = text(in.region(), "region", 64, errors);
        String regionZone = null;
        if (region != null) {
            regionZone = zoneOfRegion.apply(region);
            if (regionZone == null) {
                errors.put("region", "unknown region '" + cut(region) + "': add it to the regions first");
            }
        }
        String city = text(in.city(), "city", 100, errors);
        String type = blank(in.type()) ? null : in.type().strip().toUpperCase(Locale.ROOT);
        if (type == null) {
            errors.put("type", "is empty: COMPANY or DEALER");
        } else if (!type.equals(StoreType.COMPANY.name()) && !type.equals(StoreType.DEALER.name())) {
            errors.put("type", "'" + cut(in.type().strip()) + "' is not COMPANY or DEALER");
        }
        String email = email(in.email(), "email", false, errors);
        String zone = blank(in.zone()) ? regionZone : zone(in.zone(), "zone", errors);
        return errors.isEmpty() ? new Checked<>(new StoreDetails(code, name, region, city, type, email, zone),
                Map.of()) : new Checked<>(null, errors);
    }

    static Checked<RegionDetails> region(RegionDetails in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(in.name(), "name", 64, errors);
        String zone = blank(in.zone()) ? missing("zone", "is empty: an IANA zone such as America/New_York", errors)
                : zone(in.zone(), "zone", errors);
        String contact = blank(in.escalationName()) ? null : text(in.escalationName(), "escalation_name", 200, errors);
        String email = email(in.escalationEmail(), "escalation_email", false, errors);
        if (contact == null && email != null && !errors.containsKey("escalation_name")) {
            errors.put("escalation_name", "is empty: name the person the e-mail reaches");
        } else if (contact != null && email == null && !errors.containsKey("escalation_email")) {
            errors.put("escalation_email", "is empty: give the escalation contact's e-mail");
        }
        return errors.isEmpty() ? new Checked<>(new RegionDetails(name, zone, contact, email), Map.of())
                : new Checked<>(null, errors);
    }

    private static @Nullable String missing(String field, String message, Map<String, String> errors) {
        errors.put(field, message);
        return null;
    }

    private static @Nullable String code(@Nullable String value, String field, int max, boolean upper,
            Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, "is empty");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
            return null;
        }
        if (!CODE.matcher(v).matches()) {
            errors.put(field, "'" + cut(v) + "' may hold only letters, digits, '.', '_' and '-'");
            return null;
        }
        return upper ? v.toUpperCase(Locale.ROOT) : v;
    }

    private static @Nullable String text(@Nullable String value, String field, int max, Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, "is empty");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.put(field, "is longer than " + max + " characters");
            return null;
        }
        if (v.chars().anyMatch(c -> c < 0x20)) {
            errors.put(field, "holds a control character (a line break or a tab)");
            return null;
        }
        return v;
    }

    private static @Nullable String email(@Nullable String value, String field, boolean required,
            Map<String, String> errors) {
        if (blank(value)) {
            if (required) {
                errors.put(field, "is empty");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            errors.put(field, "'" + cut(v) + "' is not an e-mail address such as name@example.com");
            return null;
        }
        return v;
    }

    private static @Nullable String zone(String value, String field, Map<String, String> errors) {
        String v = value.strip();
        if (!ZONES.contains(v)) {
            errors.put(field, "'" + cut(v) + "' is not an IANA time zone such as America/New_York");
            return null;
        }
        return v;
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** Input echoed in a message is cut: hostile input is normal. */
    static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
