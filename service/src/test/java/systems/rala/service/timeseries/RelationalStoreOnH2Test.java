package systems.rala.service.timeseries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The relational store on H2 in PostgreSQL mode, as the embedded default runs it. */
class RelationalStoreOnH2Test extends TimeSeriesStoreContract {

    static DataSource dataSource;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:readings-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        dataSource = h2;
        migrate(dataSource);
    }

    /** Runs the migration that creates the readings table, as Flyway would. */
    static void migrate(DataSource ds) throws SQLException {
        String sql;
        try (InputStream in = RelationalStoreOnH2Test.class.getResourceAsStream("/db/migration/V6__readings.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    @Override
    TimeSeriesStore store() {
        return new RelationalTimeSeriesStore(dataSource);
    }

    @Override
    TimeSeriesStore unreachable() {
        JdbcDataSource nowhere = new JdbcDataSource();
        nowhere.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        return new RelationalTimeSeriesStore(nowhere);
    }
}
