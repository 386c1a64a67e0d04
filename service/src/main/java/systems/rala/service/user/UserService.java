package systems.rala.service.user;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import systems.rala.service.web.ApiException;

/** Creates accounts and changes their passwords; the only place that hashes a password. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public User create(String email, String displayName, String password, boolean systemAdmin) {
        if (users.emailTaken(email)) {
            throw new ApiException.Conflict("email", "an account with this e-mail exists");
        }
        User user = new User(
                UUID.randomUUID(),
                UserRepository.normalizeEmail(email),
                displayName.trim(),
                passwords.encode(password),
                systemAdmin,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw new ApiException.Conflict("email", "an account with this e-mail exists");
        }
        return user;
    }

    /** Hashes and stores {@code newPassword}, which the caller has checked against {@link PasswordPolicy}. */
    @Transactional
    public void changePassword(UUID id, String newPassword) {
        users.updatePassword(
                id, passwords.encode(newPassword), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The caller's account; a token whose user was deleted is as good as no token. */
    public User require(UUID id) {
        return users.findById(id).orElseThrow(() -> new ApiException.Unauthorized("account no longer exists"));
    }
}
