package org.outagedesk.advisory;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AfterCommit;
import org.outagedesk.base.BackgroundTimer;
import org.outagedesk.base.PageTemplates;
import org.outagedesk.incident.IncidentBulletin;
import org.outagedesk.incident.TimelineChanged;
import org.outagedesk.incident.TimelineService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public advisory, rendered once per change and served from memory: the page, a page per incident, the Atom feed
 * and the JSON, each with its ETag and the time its content last changed.
 * <ul>
 * <li>A change committed on this node ({@link TimelineChanged}: an entry added, edited or retracted, a status
 * changed) makes the next request read the database again; requests arriving meanwhile wait for it (a few
 * milliseconds), so nobody is shown the pages from before a change this node made.</li>
 * <li>Changes made on another node sharing the database are read every {@code outagedesk.advisory.refresh} (5 s),
 * well within the {@code max-age} (30 s) that caches may keep a page.</li>
 * <li>Reading again renders again only if what the public sees changed; a page whose bytes did not change keeps its
 * ETag and its Last-Modified.</li>
 * <li>If reading or rendering fails, the last good pages stay; before there are any, a plain "cannot be shown
 * right now" page answers. No exception text reaches a page.</li>
 * </ul>
 */
@Component
public class AdvisoryPages {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryPages.class);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

    /** A representation ready to send: its bytes, type, strong ETag and when its content last changed. */
    public record Page(HttpStatus status, MediaType type, byte[] body, String etag, Instant lastModified) {

        static Page of(HttpStatus status, MediaType type, byte[] body, Instant changed, @Nullable Page before) {
            String etag = "\"" + sha256(body) + "\"";
            if (before != null && before.etag().equals(etag) && before.status() == status) {
                return before; // same bytes: same ETag, same Last-Modified
            }
            return new Page(status, type, body, etag, changed);
        }
    }

    record Snapshot(List<IncidentBulletin> bulletins, Page index, Page json, Page feed, Map<Long, Page> incidents,
            Page notFound, Instant changedAt, long generation) {
    }

    private final TimelineService timeline;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration resolvedShownFor;
    private final Duration refresh;
    private final AdvisoryRenderer renderer = new AdvisoryRenderer();
    private final Page style;
    private final Page unavailable;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile @Nullable Snapshot snapshot;
    private final BackgroundTimer timer = new BackgroundTimer("advisory-refresh", log);

    AdvisoryPages(TimelineService timeline, JsonMapper json, Clock clock,
            @Value("${outagedesk.advisory.resolved-shown-for:7d}") Duration resolvedShownFor,
            @Value("${outagedesk.advisory.refresh:5s}") Duration refresh) {
        this.timeline = timeline;
        this.json = json;
        this.clock = clock;
        this.resolvedShownFor = resolvedShownFor;
        this.refresh = refresh;
        Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.style = Page.of(HttpStatus.OK, CSS, PageTemplates.bytes("templates/advisory/advisory.css"), started,
                null);
        this.unavailable = Page.of(HttpStatus.SERVICE_UNAVAILABLE, HTML,
                PageTemplates.bytes("templates/advisory/unavailable.html"), started, null);
    }

    public Page index() {
        Snapshot s = current();
        return s == null ? unavailable : s.index();
    }

    public Page json() {
        Snapshot s = current();
        return s == null ? unavailable : s.json();
    }

    public Page feed() {
        Snapshot s = current();
        return s == null ? unavailable : s.feed();
    }

    /** The page of one incident shown on the advisory; a "not on the advisory" page (404) for any other id. */
    public Page incident(long id) {
        Snapshot s = current();
        if (s == null) {
            return unavailable;
        }
        Page page = s.incidents().get(id);
        return page == null ? s.notFound() : page;
    }

    public Page style() {
        return style;
    }

    /** How many times the pages were rendered: once per change, not per visitor. */
    long renders() {
        return renders.get();
    }

    /** How many times the database was read: after a change, and at each refresh; not per visitor. */
    long reads() {
        return reads.get();
    }

    /**
     * A change committed on this node: the next request reads the database again. After the commit through
     * {@link AfterCommit}, not a {@code @TransactionalEventListener}: the registry would keep a row for it (0020).
     */
    @EventListener
    void on(TimelineChanged event) {
        AfterCommit.run(generation::incrementAndGet);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // as the system user: the advisory is public (permitAll), what it reads does not depend on who asks
        Duration every = Duration.ofMillis(Math.max(refresh.toMillis(), 100));
        timer.start(every, every, this::refreshNow);
    }

    @PreDestroy
    void stop() {
        timer.stop();
    }

    /** Reads the database again (for changes made by another node) and renders if anything public changed. */
    void refreshNow() {
        rebuilding.lock();
        try {
            rebuild(generation.get());
        } finally {
            rebuilding.unlock();
        }
    }

    private @Nullable Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == generation.get()) {
            return s;
        }
        // a change committed here: nobody answers from the pages before it (a refresh already reading waits first)
        rebuilding.lock();
        try {
            Snapshot again = snapshot;
            if (again != null && again.generation() == generation.get()) {
                return again;
            }
            return rebuild(generation.get());
        } finally {
            rebuilding.unlock();
        }
    }

    private @Nullable Snapshot rebuild(long gen) {
        Snapshot before = snapshot;
        try {
            reads.incrementAndGet();
            Instant now = clock.instant();
            List<IncidentBulletin> bulletins = timeline.advisoryWithResolvedSince(now.minus(resolvedShownFor));
            Snapshot next = before != null && before.bulletins().equals(bulletins)
                    ? new Snapshot(before.bulletins(), before.index(), before.json(), before.feed(), before.incidents(),
                            before.notFound(), before.changedAt(), gen)
                    : render(bulletins, changedAt(now, before), gen, before);
            snapshot = next;
            return next;
        } catch (RuntimeException e) {
            log.warn("The public advisory could not be read or rendered; {}", before == null
                    ? "a plain 'cannot be shown right now' page answers" : "the last good pages are kept", e);
            if (before != null) {
                Snapshot kept = new Snapshot(before.bulletins(), before.index(), before.json(), before.feed(),
                        before.incidents(), before.notFound(), before.changedAt(), gen);
                snapshot = kept;
                return kept;
            }
            return null;
        }
    }

    /** Seconds, as HTTP dates carry them; always later than the last change, so If-Modified-Since stays right. */
    private static Instant changedAt(Instant now, @Nullable Snapshot before) {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        return before != null && !t.isAfter(before.changedAt()) ? before.changedAt().plusSeconds(1) : t;
    }

    private Snapshot render(List<IncidentBulletin> bulletins, Instant changed, long gen, @Nullable Snapshot before) {
        AdvisoryModel model = AdvisoryModel.of(bulletins, changed);
        Page index = Page.of(HttpStatus.OK, HTML, utf8(renderer.index(model)), changed,
                before == null ? null : before.index());
        Page feed = Page.of(HttpStatus.OK, ATOM, utf8(renderer.feed(model)), changed,
                before == null ? null : before.feed());
        Page jsonPage = Page.of(HttpStatus.OK, MediaType.APPLICATION_JSON,
                json.writeValueAsBytes(AdvisoryJson.of(changed, bulletins)), changed, null);
        Map<Long, Page> incidents = new HashMap<>();
        for (List<AdvisoryModel.PublicIncident> list : List.of(model.open(), model.resolved())) {
            for (AdvisoryModel.PublicIncident i : list) {
                incidents.put(i.id(), Page.of(HttpStatus.OK, HTML, utf8(renderer.incident(i)), changed,
                        before == null ? null : before.incidents().get(i.id())));
            }
        }
        Page notFound = before != null ? before.notFound()
                : Page.of(HttpStatus.NOT_FOUND, HTML, utf8(renderer.notFound()), changed, null);
        renders.incrementAndGet();
        return new Snapshot(List.copyOf(bulletins), index, jsonPage, feed, Map.copyOf(incidents), notFound, changed,
                gen);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
