package systems.rala.service.timeseries;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/** The relational store on the machine's real PostgreSQL, in a database made for this run. */
class RelationalStoreOnPostgresTest extends TimeSeriesStoreContract {

    static final String HOST = System.getProperty("rala.test.postgres.host", "127.0.0.1");
    static final String DATABASE = "rala_ts_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    static PGSimpleDataSource dataSource;

    static void admin(String sql) throws SQLException {
        try (Connection c =
                        DriverManager.getConnection("jdbc:postgresql://" + HOST + ":5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @BeforeAll
    static void database() throws SQLException {
        admin("CREATE DATABASE " + DATABASE);
        dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://" + HOST + ":5432/" + DATABASE);
        dataSource.setUser("postgres");
        RelationalStoreOnH2Test.migrate(dataSource);
    }

    @AfterAll
    static void drop() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Override
    TimeSeriesStore store() {
        return new RelationalTimeSeriesStore(dataSource);
    }

    @Override
    TimeSeriesStore unreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
        nowhere.setConnectTimeout(2);
        return new RelationalTimeSeriesStore(nowhere);
    }
}
