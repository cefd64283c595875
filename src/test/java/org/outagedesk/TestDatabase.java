package org.outagedesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The database the suite runs on: H2 in memory (the default), or PostgreSQL when the build is run with
 * {@code -Ppostgres} (system property {@code outagedesk.test.database=postgres}). On PostgreSQL each test run gets
 * a database of its own on the server named by {@code outagedesk.test.postgres.url} (an existing database to
 * connect to, normally {@code postgres}; the user must be allowed to create databases), created when the run starts
 * and dropped when it ends, so that runs side by side on one server never meet. The shared test database is handed
 * to every Spring application of the JVM through the {@code spring.datasource.*} system properties, which win over
 * {@code application-test.yml}; an application started with its own {@code --spring.datasource.url} argument keeps
 * it. Registered as a JUnit launcher session listener (META-INF/services), so it runs before any test class.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final List<String> CREATED = new ArrayList<>();

    /** Whether this run is on PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("outagedesk.test.database", "h2").trim());
    }

    /** The SQL that takes a sequence's next value on this run's engine, for rows a test writes with plain SQL. */
    public static String nextValue(String sequence) {
        return postgres() ? "nextval('" + sequence + "')" : "next value for " + sequence;
    }

    /** Skips the calling test on PostgreSQL, saying why it is for H2 only. */
    public static void assumeH2(String why) {
        Assumptions.assumeFalse(postgres(), () -> "H2 only: " + why);
    }

    /**
     * The command-line arguments that point an application at a new, empty database of this run's engine: H2 in
     * memory, or a new database on the PostgreSQL server (dropped when the run ends).
     */
    public static String[] freshDatabaseArgs(String label) {
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (!postgres()) {
            return new String[] {"--spring.datasource.url=jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1"};
        }
        String url = createDatabase(name);
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password()};
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!postgres() || System.getProperty("spring.datasource.url") != null) {
            return;
        }
        sweep();
        String url = createDatabase("shared");
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", user());
        System.setProperty("spring.datasource.password", password());
        // every cached test context keeps its own pool: few idle connections each, so that the server's
        // max_connections (100 by default) is not reached by the contexts a run caches
        System.setProperty("spring.datasource.hikari.minimum-idle", "1");
        System.setProperty("spring.datasource.hikari.maximum-pool-size", "10");
        System.setProperty("spring.datasource.hikari.idle-timeout", "10000");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        // the applications of the run close after this (JVM shutdown hooks): a database still in use is not
        // dropped here (no FORCE) but by a later run's sweep
        synchronized (CREATED) {
            for (String name : CREATED) {
                drop(name);
            }
            CREATED.clear();
        }
    }

    /** Drops the test databases that earlier runs left (those older than an hour and no longer in use). */
    private static void sweep() {
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        List<String> old = new ArrayList<>();
        try (Connection c = admin(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like 'odt\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length > 1 && parts[1].matches("[0-9]{1,12}") && Long.parseLong(parts[1]) < hourAgo) {
                    old.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return;
        }
        old.forEach(TestDatabase::drop);
    }

    private static void drop(String name) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        } catch (SQLException e) {
            // still in use: a later run's sweep drops it
        }
    }

    /** Creates a database named odt_(epoch seconds)_(label)_(random): the sweep knows its age from its name. */
    private static String createDatabase(String label) {
        String name = "odt_" + System.currentTimeMillis() / 1000 + "_" + label + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8' template template0");
            // a test database need not survive a crash of the server: commits do not wait for the disk (the sample
            // scenario's thousands of small transactions took minutes on a busy disk)
            s.execute("alter database " + name + " set synchronous_commit = off");
        } catch (SQLException e) {
            throw new IllegalStateException("-Ppostgres: could not create a test database on " + adminUrl() + " as "
                    + user() + " (" + e.getMessage() + "). Start PostgreSQL and create a user allowed to create"
                    + " databases: see the README, section Tests on PostgreSQL.", e);
        }
        synchronized (CREATED) {
            CREATED.add(name);
        }
        String admin = adminUrl();
        int slash = admin.indexOf('/', "jdbc:postgresql://".length());
        int query = admin.indexOf('?');
        return admin.substring(0, slash + 1) + name + (query < 0 ? "" : admin.substring(query));
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), user(), password());
    }

    private static String adminUrl() {
        return System.getProperty("outagedesk.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String user() {
        return System.getProperty("outagedesk.test.postgres.username", "outagedesk_test");
    }

    private static String password() {
        return System.getProperty("outagedesk.test.postgres.password", "outagedesk_test");
    }
}
