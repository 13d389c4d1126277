package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Input;

/** GraphQL input {@code IngestContext}: what every event of a batch shares. */
@Input("IngestContext")
public class IngestContext {
    public String url;
    public String userAgent;
    public UserInput user;
    public String release;
    public String pageViewId;
}
