package dev.jinju.graphql.errors;

import dev.jinju.ingest.IngestException;
import dev.jinju.search.SearchException;

/** Translates the services' exceptions into the API's coded errors. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiException of(SearchException e) {
        return switch (e.code()) {
            case BAD_QUERY -> new BadQueryException(e.getMessage(), e.position());
            case BAD_FILTER -> new BadFilterException(e.getMessage());
            case UNKNOWN_GROUP -> new UnknownGroupException(e.getMessage());
            case BAD_CURSOR -> new BadCursorException(e.getMessage());
        };
    }

    public static ApiException of(IngestException e) {
        return switch (e.code()) {
            case BAD_REQUEST -> new BadRequestException(e.getMessage());
            case UNKNOWN_PROJECT -> new UnknownProjectException(e.getMessage());
            case UNKNOWN_ENVIRONMENT -> new UnknownEnvironmentException(e.getMessage());
            case INVALID_KEY -> new InvalidKeyException(e.getMessage());
            case FORBIDDEN_ORIGIN -> new ForbiddenOriginException(e.getMessage());
            case TOO_LARGE -> new TooLargeException(e.getMessage());
            case STORE_UNAVAILABLE -> new StoreUnavailableException(e.getMessage());
            case RATE_LIMITED -> new RateLimitedException(e.getMessage());
        };
    }
}
