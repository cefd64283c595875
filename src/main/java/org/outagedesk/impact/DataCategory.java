package org.outagedesk.impact;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of data the phones kept on the servers. Each is a boolean column of {@code impact} (cat_...). */
public enum DataCategory {
    CONTACTS("Contacts", "cat_contacts"),
    PHOTOS("Photos", "cat_photos"),
    EMAIL("E-mail", "cat_email"),
    SMS("Text messages", "cat_sms"),
    CALENDAR("Calendar", "cat_calendar"),
    TODO("To-do", "cat_todo");

    private final String label;
    private final String column;

    DataCategory(String label, String column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    /** The column of table impact (and of the import staging table) that holds this category. */
    public String column() {
        return column;
    }

    public static DataCategory parseOrNull(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** "CONTACTS;PHOTOS", the form of the import file. */
    public static String format(Set<DataCategory> categories) {
        return categories.stream().sorted().map(Enum::name).collect(Collectors.joining(";"));
    }

    /** "Contacts, Photos": as people read it; "none" when empty. */
    public static String describe(Set<DataCategory> categories) {
        return categories.isEmpty() ? "none"
                : categories.stream().sorted().map(DataCategory::label).collect(Collectors.joining(", "));
    }

    public static EnumSet<DataCategory> none() {
        return EnumSet.noneOf(DataCategory.class);
    }
}
