package dev.jinju.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configured users: bcrypt verification, the demo user, the decoy's cost, and hashes that stop the start. */
class UsersTest {
    static final String TESTER = "$2a$04$PhEMTv8nE28in/B2GEMxMOEFngYAaRIIrD5s/umFbHaH23XHjD8ga";

    @Test
    void verifiesBcryptOfEveryPrefix() {
        Users users = new Users(() -> Map.of("a", TESTER, "b", "$2b$" + TESTER.substring(4),
                "y", "$2y$" + TESTER.substring(4), "fresh", BcryptUtil.bcryptHash("s3cret")), false);
        for (String u : new String[] {"a", "b", "y"}) {
            assertTrue(users.verify(u, "tester-password".toCharArray()), u);
            assertFalse(users.verify(u, "tester-passwort".toCharArray()), u);
        }
        assertTrue(users.verify("fresh", "s3cret".toCharArray()));
        assertFalse(users.verify("nobody", "tester-password".toCharArray()));
        assertFalse(users.verify(null, "x".toCharArray()));
        assertFalse(users.exists("demo"), "no demo user without jinju.demo");
    }

    @Test
    void demoModeAddsDemoDemo() {
        Users users = new Users(Map::of, true);
        assertTrue(users.verify("demo", "demo".toCharArray()));
        assertFalse(users.verify("demo", "Demo".toCharArray()));
    }

    @Test
    void theDecoyCostsAsMuchAsTheDearestUser() throws Exception {
        PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                new WildFlyElytronPasswordProvider());
        Password cost4 = factory.translate(ModularCrypt.decode(TESTER));
        Password cost10 = factory.translate(ModularCrypt.decode(Users.DEMO_HASH));
        assertEquals(10, ((BCryptPassword) Users.decoy(factory, List.of(cost4, cost10))).getIterationCount());
        assertEquals(4, ((BCryptPassword) Users.decoy(factory, List.of(cost4))).getIterationCount());
        assertEquals(10, ((BCryptPassword) Users.decoy(factory, List.of())).getIterationCount());
        assertFalse(factory.verify(Users.decoy(factory, List.of(cost4)), "tester-password".toCharArray()));
    }

    @Test
    void aPlainPasswordOrBrokenHashStopsTheStart() {
        var e = assertThrows(IllegalStateException.class, () -> new Users(() -> Map.of("alice", "secret"), false));
        assertTrue(e.getMessage().contains("jinju.auth.users.alice"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new Users(() -> Map.of("bob", "$2a$04$short"), false));
    }
}
