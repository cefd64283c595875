package org.outagedesk.incident;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.outagedesk.audit.AuditService;
import org.outagedesk.base.AppRoles;
import org.outagedesk.base.CurrentActor;
import org.outagedesk.base.DomainException;
import org.outagedesk.base.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Incidents. The timeline issue fills this service (create, status changes, timeline entries); other features use
 * {@link #get(long)} to check that an incident exists.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class IncidentService {

    private final IncidentRepository incidents;
    private final AuditService audit;
    private final Clock clock;

    IncidentService(IncidentRepository incidents, AuditService audit, Clock clock) {
        this.incidents = incidents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('" + AppRoles.INCIDENT_MANAGER + "')")
    public Incident create(@Valid NewIncident request) {
        ZoneId zone;
        try {
            zone = ZoneId.of(request.referenceZone());
        } catch (DateTimeException e) {
            throw new DomainException("referenceZone", "'" + request.referenceZone()
                    + "' is not a time zone; use an IANA id such as America/Los_Angeles");
        }
        Incident incident = incidents.save(new Incident(request.title().strip(), request.description(),
                request.severity(), request.affectedServices().stream().map(String::strip).toList(), zone,
                request.startedAt(), clock.instant(), CurrentActor.username()));
        audit.record("INCIDENT_CREATED", "Incident", incident.getId(),
                incident.getTitle() + " (" + incident.getSeverity() + ")");
        return incident;
    }

    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.STORE_MANAGER + "')")
    public Incident get(long id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    /** Every incident, open ones first. */
    @PreAuthorize("hasAnyRole('" + AppRoles.INCIDENT_MANAGER + "','" + AppRoles.AGENT + "','" + AppRoles.EXECUTIVE
            + "','" + AppRoles.STORE_MANAGER + "')")
    public List<Incident> findAll() {
        return incidents.findAllOpenFirst();
    }
}
