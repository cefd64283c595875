package org.outagedesk.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outagedesk.base.DomainException;

/** A SKU, store or region that breaks the catalog's rules: every problem, by field (the API and the dialogs show each). */
public class InvalidCatalogEntry extends DomainException {

    private final Map<String, String> fields;

    InvalidCatalogEntry(String what, Map<String, String> fields) {
        super(fields.keySet().iterator().next(), what + ": " + String.join("; ", fields.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        this.fields = new LinkedHashMap<>(fields);
    }

    /** Field name (as in the CSV header, e.g. {@code escalation_email}) → what is wrong with it. */
    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }
}
