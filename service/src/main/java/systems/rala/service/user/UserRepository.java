package systems.rala.service.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
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

    /** Accounts by e-mail, {@code limit} of them after skipping {@code offset}. */
    public List<User> page(long offset, int limit) {
        return jdbc.sql("SELECT * FROM users ORDER BY email LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(UserRepository::map)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /** Replaces the password hash and notes when. */
    public void updatePassword(UUID id, String passwordHash, OffsetDateTime at) {
        jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(passwordHash, at, id)
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
