package org.outagedesk.advisory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.outagedesk.advisory.AdvisoryPages;
import org.outagedesk.advisory.AdvisoryPages.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public customer advisory: no sign-in, no session, no cookie, no JavaScript. Every answer comes from memory
 * ({@link AdvisoryPages}) with {@code Cache-Control: public, max-age} ({@code outagedesk.advisory.max-age}, 30 s), an
 * ETag and Last-Modified, so a conditional request gets 304 (Spring answers it from those headers) and a cache or CDN
 * in front may keep the pages. Plain Spring MVC: these mappings come before Vaadin's.
 */
@RestController
@Tag(name = "Public customer advisory")
@PreAuthorize("permitAll()")
class AdvisoryController {

    private static final Duration STYLE_MAX_AGE = Duration.ofHours(1);
    private static final int MAX_ID_DIGITS = 18;

    private final AdvisoryPages pages;
    private final CacheControl cache;

    AdvisoryController(AdvisoryPages pages, @Value("${outagedesk.advisory.max-age:30s}") Duration maxAge) {
        this.pages = pages;
        this.cache = CacheControl.maxAge(maxAge).cachePublic();
    }

    @GetMapping("/advisory")
    @Operation(summary = "The advisory as a page: each open incident, what to do, its public updates newest first, "
            + "and when the next update is expected")
    ResponseEntity<byte[]> page() {
        return send(pages.index(), cache);
    }

    @GetMapping("/advisory/{id}")
    @Operation(summary = "One incident's advisory page (open, or resolved in the last days), for links in texts and "
            + "e-mails")
    ResponseEntity<byte[]> incident(@PathVariable String id) {
        if (id.isEmpty() || id.length() > MAX_ID_DIGITS || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return send(pages.incident(-1), cache);
        }
        return send(pages.incident(Long.parseLong(id)), cache);
    }

    @GetMapping("/advisory/style.css")
    ResponseEntity<byte[]> style() {
        return send(pages.style(), CacheControl.maxAge(STYLE_MAX_AGE).cachePublic());
    }

    /** Anything else under /advisory/ gets the plain "not on the advisory" page, never the console's. */
    @GetMapping("/advisory/**")
    ResponseEntity<byte[]> elsewhere() {
        return send(pages.incident(-1), cache);
    }

    @GetMapping("/advisory.atom")
    @Operation(summary = "Every public update of the open and recently resolved incidents as an Atom feed")
    ResponseEntity<byte[]> feed() {
        return send(pages.feed(), cache);
    }

    @GetMapping("/api/public/advisory")
    @Operation(summary = "Open incidents with their public updates, the current guidance (what customers should do) "
            + "and when the next update is expected; no sign-in needed")
    ResponseEntity<byte[]> json() {
        return send(pages.json(), cache);
    }

    private static ResponseEntity<byte[]> send(Page page, CacheControl cache) {
        if (page.status().isError()) {
            return ResponseEntity.status(page.status()).cacheControl(page.status().is5xxServerError()
                    ? CacheControl.noStore() : cache).contentType(page.type()).body(page.body());
        }
        return ResponseEntity.status(page.status()).cacheControl(cache).eTag(page.etag())
                .lastModified(page.lastModified()).contentType(page.type()).body(page.body());
    }
}
