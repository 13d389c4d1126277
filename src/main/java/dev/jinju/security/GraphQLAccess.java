package dev.jinju.security;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may run which GraphQL operation. A logged-in session may run anything; without one only the
 * {@code ingest} mutation (whose ingest key decides) runs, and every query, subscription and introspection gets
 * an error with {@code extensions.code = UNAUTHENTICATED}. Also installs the depth and complexity limits
 * ({@code quarkus.smallrye-graphql.instrumentation-query-depth} / {@code -complexity}), since the builder's
 * instrumentation is replaced here.
 */
@ApplicationScoped
public class GraphQLAccess {
    /** Top-level fields an anonymous caller may select, in a mutation only. */
    static final Set<String> ANONYMOUS_MUTATIONS = Set.of("ingest", "__typename");

    void configure(@Observes GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        chain.add(new SessionRequired());
        var config = ConfigProvider.getConfig();
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-complexity", Integer.class)
                .ifPresent(max -> chain.add(new MaxQueryComplexityInstrumentation(max)));
        config.getOptionalValue("quarkus.smallrye-graphql.instrumentation-query-depth", Integer.class)
                .ifPresent(max -> chain.add(new MaxQueryDepthInstrumentation(max)));
        builder.instrumentation(new ChainedInstrumentation(chain));
    }

    /**
     * True when the current HTTP request carries a logged-in session. An operation with no HTTP request around
     * it runs on a graphql-ws socket, whose upgrade {@link HttpGuards} only lets through with a session.
     */
    static boolean loggedIn() {
        try (InstanceHandle<CurrentVertxRequest> handle = Arc.container().instance(CurrentVertxRequest.class)) {
            RoutingContext rc = handle.isAvailable() ? handle.get().getCurrent() : null;
            if (rc == null) {
                return true;
            }
            return rc.user() instanceof QuarkusHttpUser u && !u.getSecurityIdentity().isAnonymous();
        } catch (jakarta.enterprise.context.ContextNotActiveException noRequestContext) {
            return true; // no request scope: the graphql-ws socket, authenticated at its upgrade
        }
    }

    static boolean anonymousMayRun(OperationDefinition op) {
        if (op.getOperation() != OperationDefinition.Operation.MUTATION) {
            return false;
        }
        for (Selection<?> s : op.getSelectionSet().getSelections()) {
            if (!(s instanceof Field f) || !ANONYMOUS_MUTATIONS.contains(f.getName())) {
                return false;
            }
        }
        return true;
    }

    /** The error an anonymous read gets. */
    public static final class Unauthenticated extends AbortExecutionException {
        Unauthenticated() {
            super("log in first: this operation needs a dashboard session (POST /j_security_check);"
                    + " without one only the ingest mutation, with an ingest key, is allowed");
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "UNAUTHENTICATED");
        }
    }

    static final class SessionRequired extends SimplePerformantInstrumentation {
        /** Before validation: an anonymous caller learns nothing about the schema from validation errors. */
        @Override
        public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables dv,
                                                                   InstrumentationExecutionParameters parameters,
                                                                   InstrumentationState state) {
            Document doc = dv.getDocument();
            boolean anonymousOk = true;
            for (Definition<?> d : doc.getDefinitions()) {
                if (!(d instanceof OperationDefinition op) || !anonymousMayRun(op)) {
                    anonymousOk = false;
                    break;
                }
            }
            if (!anonymousOk && !loggedIn()) {
                throw new Unauthenticated();
            }
            return dv;
        }

        /** Always runs, also for documents the query cache parsed and validated earlier for someone else. */
        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            if (!anonymousMayRun(parameters.getExecutionContext().getOperationDefinition()) && !loggedIn()) {
                throw new Unauthenticated();
            }
            return super.beginExecuteOperation(parameters, state);
        }
    }
}
