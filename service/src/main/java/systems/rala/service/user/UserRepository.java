package systems.rala.service.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code users} table; e-mails are kept lower-cased. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?")
                .param(id)
                .query(UserRepository::map)
                .optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email = ?")
                .param(normalizeEmail(email))
                .query(UserRepository::map)
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?")
                        .param(normalizeEmail(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void insert(User user) {
        jdbc.sql("INSERT INTO users (id, email, display_name, password_hash, system_admin, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        user.id(),
                        normalizeEmail(user.email()),
                        user.displayName(),
                        user.passwordHash(),
                        user.systemAdmin(),
                        user.createdAt())
                .update();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                rs.getBoolean("system_admin"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
