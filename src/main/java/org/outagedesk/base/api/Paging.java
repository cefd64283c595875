package org.outagedesk.base.api;

import java.util.Collection;
import java.util.Locale;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.Text;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The one way every list of the API checks its paging (issue 16, hole 6): page from 0, size from 1 to the list's
 * maximum, and no page so far that its offset passes {@link #MAX_OFFSET}. Out-of-range values are refused with a
 * 400 naming the parameter, never adjusted silently.
 */
public final class Paging {

    /** The deepest row a page may start at (page × size). */
    public static final long MAX_OFFSET = 10_000_000;

    private Paging() {
    }

    public static PageRequest of(int page, int size, int maxSize, Sort sort) {
        if (page < 0) {
            throw new DomainException("page", "page starts at 0");
        }
        if (size < 1 || size > maxSize) {
            throw new DomainException("size", "size must be between 1 and " + maxSize);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new DomainException("page", "page is too far: page × size may be at most " + MAX_OFFSET);
        }
        return PageRequest.of(page, size, sort);
    }

    public static PageRequest of(int page, int size, int maxSize) {
        return of(page, size, maxSize, Sort.unsorted());
    }

    /** Refuses a sort property the list does not offer, naming it and the ones it does. */
    public static void requireSortable(String property, Collection<String> allowed) {
        if (!allowed.contains(property)) {
            throw new DomainException("sort", "'" + Text.quote(property) + "' is not a sort field; use one of "
                    + allowed);
        }
    }

    /** "asc" or "desc" (any case), else a 400 naming the parameter. */
    public static Sort.Direction direction(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> Sort.Direction.ASC;
            case "desc" -> Sort.Direction.DESC;
            default -> throw new DomainException("sort", "'" + Text.quote(text) + "' is not a sort direction; use asc"
                    + " or desc");
        };
    }
}
