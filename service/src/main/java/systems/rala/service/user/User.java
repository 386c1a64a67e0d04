package systems.rala.service.user;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An account. Only administrators create accounts; there is no self-registration. */
public record User(
        UUID id,
        String email,
        String displayName,
        String passwordHash,
        boolean systemAdmin,
        OffsetDateTime createdAt) {}
