package org.outagedesk.base.ui;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.Money;

/**
 * The one place that turns codes and numbers into words a clerk reads: enum constants become their label (or the
 * words below), counts get thousands separators and the right plural, money its currency sign and separators.
 */
public final class Words {

    /** Words for codes whose own name would not do; keyed "EnumSimpleName.CONSTANT". */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("CampaignStatus.DRAFT", "Draft"),
            Map.entry("CampaignStatus.SUBMITTED", "Waiting for approval"),
            Map.entry("CampaignStatus.APPROVED", "Approved"),
            Map.entry("CampaignStatus.RUNNING", "Running"),
            Map.entry("CampaignStatus.COMPLETED", "Completed"),
            Map.entry("CampaignStatus.REVERSING", "Being reversed"),
            Map.entry("CampaignStatus.REVERSED", "Reversed"),
            Map.entry("CampaignStatus.REJECTED", "Rejected"),
            Map.entry("HoldStatus.SCHEDULED", "Scheduled"),
            Map.entry("HoldStatus.ACTIVE", "In force"),
            Map.entry("HoldStatus.LIFTED", "Lifted"),
            Map.entry("CreditEntryType.CREDIT", "Credit"),
            Map.entry("CreditEntryType.REVERSAL", "Reversal"),
            Map.entry("CampaignJob.RUN", "Run"),
            Map.entry("CampaignJob.TOP_UP", "Top-up"),
            Map.entry("CampaignJob.REVERSE", "Reversal"));

    private Words() {
    }

    /** The words for an enum constant: its entry above, else its {@code label()}, else its name in plain case. */
    public static String of(@Nullable Enum<?> code) {
        if (code == null) {
            return "";
        }
        String words = WORDS.get(code.getDeclaringClass().getSimpleName() + "." + code.name());
        if (words != null) {
            return words;
        }
        try {
            Method label = code.getDeclaringClass().getMethod("label");
            if (label.getReturnType() == String.class) {
                return (String) label.invoke(code);
            }
        } catch (ReflectiveOperationException e) {
            // no label: plain case below
        }
        return plain(code.name());
    }

    /** "PERMANENT_LOSS" → "Permanent loss": for codes that come as data and have no label at hand. */
    public static String plain(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String s = code.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** "15,145". */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** "1 credit", "15,145 credits". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** "1 person", "2 people". */
    public static String count(long n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }

    /** "$553,160.00", "-$20.00". */
    public static String money(@Nullable Money m) {
        if (m == null) {
            return "";
        }
        return money(m.amount(), m.currency());
    }

    public static String money(BigDecimal amount, Currency currency) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        f.setCurrency(currency);
        f.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        return f.format(amount);
    }
}
