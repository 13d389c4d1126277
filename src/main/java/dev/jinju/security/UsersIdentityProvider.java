package dev.jinju.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Form login ({@code POST /j_security_check}) against {@link Users}; bcrypt runs on a worker thread. */
@ApplicationScoped
public class UsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    public static final String ROLE = "user";

    private final Users users;

    public UsersIdentityProvider(Users users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String user = request.getUsername();
            if (!users.verify(user, request.getPassword().getPassword())) {
                throw new AuthenticationFailedException("wrong user name or password");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(ROLE).build();
        });
    }
}
