package dev.jinju.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test bean: keeps the application's router so a test can list every route the running server has. */
@ApplicationScoped
public class RouterSpy {
    static volatile Router router;

    void capture(@Observes Router r) {
        router = r;
    }
}
