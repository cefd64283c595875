package org.outagedesk.security;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Addresses a browser or a crawler asks for on its own, answered here so that they never reach Vaadin's servlet,
 * which creates an HTTP session for whatever it answers, for a visitor who never signed in too (issue 20). Outage
 * Desk has no icon file and is not an installable web app (no {@code @PWA}): each answer says so, without a session.
 */
@RestController
@Hidden
@PreAuthorize("permitAll()")
public class NoSessionAddressesController {

    /** No icon: the pages name none ({@code rel="icon" href="data:,"} on the public ones), so ask rarely. */
    @GetMapping("/favicon.ico")
    public ResponseEntity<Void> favicon() {
        return ResponseEntity.noContent().cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).build();
    }

    /** The files of an installable web app, which Outage Desk is not. */
    @GetMapping({"/manifest.webmanifest", "/offline.html", "/sw.js", "/sw-runtime-resources-precache.js"})
    public ResponseEntity<Void> noWebApp() {
        return ResponseEntity.notFound().build();
    }
}
