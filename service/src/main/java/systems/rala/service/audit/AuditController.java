package systems.rala.service.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.user.UserService;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.Page;

/**
 * The audit log, newest first: a facility's entries to its admins, everything to system administrators.
 * Query parameters: {@code from} (inclusive) and {@code to} (exclusive) as ISO-8601 date-times, {@code action},
 * {@code page} (from 0) and {@code size} (1 to 200).
 */
@RestController
class AuditController {

    private final AuditRepository entries;
    private final FacilityAccess access;
    private final UserService users;

    AuditController(AuditRepository entries, FacilityAccess access, UserService users) {
        this.entries = entries;
        this.access = access;
        this.users = users;
    }

    @GetMapping("/api/v1/facilities/{id}/audit")
    Page<AuditRepository.Entry> facility(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        access.require(id, caller.id(), Role.ADMIN);
        return query(id, null, from, to, action, page, size);
    }

    @GetMapping("/api/v1/audit")
    Page<AuditRepository.Entry> all(
            @AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) UUID facility,
            @RequestParam(required = false) UUID actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!users.require(caller.id()).systemAdmin()) {
            throw new ApiException.Forbidden("only system administrators read the whole audit log");
        }
        return query(facility, actor, from, to, action, page, size);
    }

    private Page<AuditRepository.Entry> query(
            UUID facility, UUID actor, String from, String to, String action, int page, int size) {
        Page.check(page, size);
        OffsetDateTime start = time("from", from);
        OffsetDateTime end = time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new ApiException.Invalid("to", "must be later than from");
        }
        if (action != null && (action.isBlank() || action.length() > 64)) {
            throw new ApiException.Invalid("action", "must be an action name of 1 to 64 characters");
        }
        return entries.find(new AuditRepository.Filter(facility, actor, action, start, end), page, size);
    }

    private static OffsetDateTime time(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException.Invalid(
                    field, "must be an ISO-8601 date-time with offset, e.g. 2026-03-01T00:00:00Z");
        }
    }
}
