package dev.jinju.graphql.types;

import org.eclipse.microprofile.graphql.Input;

/** GraphQL input {@code UserInput}. */
@Input("UserInput")
public class UserInput {
    public String id;
    public String email;
    public String name;
}
