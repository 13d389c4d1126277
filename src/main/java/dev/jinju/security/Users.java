package dev.jinju.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.IteratedSaltedHashPasswordSpec;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured dashboard users and their bcrypt hashes, checked once at start (a malformed hash stops the
 * server with the user's name in the error). Verification uses WildFly Elytron's bcrypt.
 */
@ApplicationScoped
public class Users {
    private static final Logger LOG = Logger.getLogger(Users.class);
    private static final Provider PROVIDER = new WildFlyElytronPasswordProvider();
    static final String DEMO_USER = "demo";
    /** bcrypt (cost 10) of "demo", precomputed: hashing it at each start cost a few hundred ms of start-up. */
    static final String DEMO_HASH = "$2a$10$r6RKJPJyw.cVauWOuNHNNuqz7ExDSK99CHBqd9FAPH6HJRjdWbiyK";
    /** The decoy's cost when no user is configured (bcrypt's usual default). */
    private static final int DEFAULT_COST = 10;

    private final Map<String, Password> hashes = new LinkedHashMap<>();
    private final PasswordFactory factory;
    /** Verified for unknown user names, so that a wrong name costs as long as a wrong password. */
    private final Password decoy;

    public Users(AuthConfig config, @ConfigProperty(name = "jinju.demo", defaultValue = "false") boolean demo) {
        try {
            factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            for (Map.Entry<String, String> user : config.users().entrySet()) {
                hashes.put(user.getKey(), decode(user.getKey(), user.getValue()));
            }
            if (demo && !hashes.containsKey(DEMO_USER)) {
                hashes.put(DEMO_USER, decode(DEMO_USER, DEMO_HASH));
                LOG.warn("jinju.demo=true: the built-in user 'demo' with password 'demo' can log in to the dashboard;"
                        + " never use the demo mode on a reachable server");
            }
            decoy = decoy(factory, hashes.values());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available: " + e.getMessage(), e);
        }
        if (hashes.isEmpty()) {
            LOG.warn("no dashboard user is configured (jinju.auth.users.<name>=<bcrypt hash>): nobody can log in;"
                    + " ingest still works");
        } else {
            LOG.infof("dashboard users: %s", String.join(", ", hashes.keySet()));
        }
    }

    void checkAtStart(@Observes StartupEvent start) {
        // constructing the bean decodes every configured hash: a bad one fails the start, not the first login
    }

    /** True when such a user is configured. */
    public boolean exists(String user) {
        return user != null && hashes.containsKey(user);
    }

    /** True when the user exists and the password matches its bcrypt hash. */
    public boolean verify(String user, char[] password) {
        Password hash = user == null ? null : hashes.get(user);
        try {
            boolean ok = factory.verify(hash == null ? decoy : hash, password);
            return hash != null && ok;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A random salt and hash at the users' highest cost: verifying against it costs as much as a real check, and
     * building it needs no bcrypt run (hashing a random password at start took a few hundred ms).
     */
    static Password decoy(PasswordFactory factory, Iterable<Password> users) throws GeneralSecurityException {
        int cost = 0;
        for (Password p : users) {
            cost = Math.max(cost, ((BCryptPassword) p).getIterationCount());
        }
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
        byte[] hash = new byte[BCryptPassword.BCRYPT_HASH_SIZE];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return factory.generatePassword(new IteratedSaltedHashPasswordSpec(hash, salt, cost == 0 ? DEFAULT_COST : cost));
    }

    private Password decode(String user, String hash) throws GeneralSecurityException {
        String h = hash == null ? "" : hash.trim();
        // $2b$ and $2y$ are the same algorithm as $2a$ for every password bcrypt reads (at most 72 bytes)
        if (h.startsWith("$2b$") || h.startsWith("$2y$")) {
            h = "$2a$" + h.substring(4);
        }
        if (!h.startsWith("$2a$")) {
            throw new IllegalStateException("jinju.auth.users." + user + " is not a bcrypt hash ($2a$, $2b$ or $2y$);"
                    + " create one with: htpasswd -bnBC 10 \"\" 'the password' | tr -d ':\\n'");
        }
        try {
            return factory.translate(ModularCrypt.decode(h));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("jinju.auth.users." + user + " is not a valid bcrypt hash: " + e.getMessage());
        }
    }
}
