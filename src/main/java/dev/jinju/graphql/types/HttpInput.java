package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Input;

/** GraphQL input {@code HttpInput}. */
@Input("HttpInput")
public class HttpInput {
    public String method;
    public Integer status;
}
