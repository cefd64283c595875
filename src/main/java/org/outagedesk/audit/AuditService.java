package org.outagedesk.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.IncidentManagersOnly;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Services call {@link #record} inside their own transaction (it refuses to run outside one), so
 * a change and its audit line are committed or rolled back together.
 */
@Service
public class AuditService {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditService(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Records a change made by the current user.
     *
     * @param action     what was done, in capitals and past tense (USER_CREATED)
     * @param entityType the kind of record (User, Incident)
     * @param entityId   which record, when it has an id
     * @param summary    a short before/after summary a person can read
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, @Nullable Object entityId, String summary) {
        entries.save(new AuditEntry(clock.instant(), CurrentActor.username(), action, entityType,
                entityId == null ? null : String.valueOf(entityId), summary));
    }

    /**
     * Records something done in the name of {@code actor} rather than the signed-in user: a failed sign-in has no
     * signed-in user, only the username someone typed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String entityType, @Nullable Object entityId, String summary) {
        entries.save(new AuditEntry(clock.instant(), actor, action, entityType,
                entityId == null ? null : String.valueOf(entityId), summary));
    }

    @Transactional(readOnly = true)
    @IncidentManagersOnly
    public Page<AuditEntry> find(AuditFilter filter, Pageable pageable) {
        return entries.findAll(spec(filter), pageable);
    }

    @Transactional(readOnly = true)
    @IncidentManagersOnly
    public long count(AuditFilter filter) {
        return entries.count(spec(filter));
    }

    @Transactional(readOnly = true)
    @IncidentManagersOnly
    public List<String> actions() {
        return entries.findActions();
    }

    @Transactional(readOnly = true)
    @IncidentManagersOnly
    public List<String> entityTypes() {
        return entries.findEntityTypes();
    }

    private static Specification<AuditEntry> spec(AuditFilter f) {
        Specification<AuditEntry> spec = Specification.unrestricted();
        if (notBlank(f.actor())) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("actor"), f.actor().strip()));
        }
        if (notBlank(f.action())) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("action"), f.action().strip()));
        }
        if (notBlank(f.entityType())) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("entityType"), f.entityType().strip()));
        }
        if (notBlank(f.entityId())) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("entityId"), f.entityId().strip()));
        }
        if (notBlank(f.text())) {
            String like = "%" + f.text().strip().toLowerCase(Locale.ROOT) + "%";
            spec = spec.and((r, q, cb) -> cb.like(cb.lower(r.get("summary")), like));
        }
        if (f.from() != null) {
            spec = spec.and((r, q, cb) -> cb.greaterThanOrEqualTo(r.get("occurredAt"), f.from()));
        }
        if (f.to() != null) {
            spec = spec.and((r, q, cb) -> cb.lessThan(r.get("occurredAt"), f.to()));
        }
        return spec;
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
