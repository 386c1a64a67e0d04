package systems.rala.service.user;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import systems.rala.service.config.RalaProperties;

/**
 * Creates the first administrator when there is no account at all, so a fresh install can be logged into.
 * There is no built-in password: one is given ({@code rala.bootstrap.admin-password}) or generated and written,
 * readable by the owner only, to the data folder.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserRepository users;
    private final UserService service;
    private final RalaProperties props;

    AdminBootstrap(UserRepository users, UserService service, RalaProperties props) {
        this.users = users;
        this.service = service;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = props.bootstrap().adminEmail();
        if (email == null || email.isBlank() || !users.isEmpty()) {
            return;
        }
        String password = props.bootstrap().adminPassword();
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path file = props.dataDir().resolve(PASSWORD_FILE);
            writeOwnerOnly(file, password + "\n");
            log.warn(
                    "Created the first administrator {}; its password is in {}: log in and delete the file",
                    email,
                    file.toAbsolutePath());
        } else {
            log.info("Created the first administrator {}", email);
        }
        service.create(email, "Administrator", password, true);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
