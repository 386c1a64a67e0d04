package systems.rala.service.auth;

import java.util.UUID;

/** The authenticated caller, as proven by a valid access token. */
public record CurrentUser(UUID id) {}
