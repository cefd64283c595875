package org.outagedesk.base;

import org.jspecify.annotations.Nullable;

/**
 * A request that the domain refuses (a rule, not a bug): shown to the user with its message. {@code field} names the
 * input at fault when there is one. {@code conflict} marks refusals caused by the current state (HTTP 409) rather
 * than by the input (HTTP 400/422).
 */
public class DomainException extends RuntimeException {

    private final @Nullable String field;
    private final boolean conflict;

    public DomainException(String message) {
        this(null, message, false);
    }

    public DomainException(@Nullable String field, String message) {
        this(field, message, false);
    }

    protected DomainException(@Nullable String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public static DomainException conflict(String message) {
        return new DomainException(null, message, true);
    }

    public @Nullable String field() {
        return field;
    }

    public boolean isConflict() {
        return conflict;
    }
}
