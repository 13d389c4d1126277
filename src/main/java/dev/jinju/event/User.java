package dev.jinju.event;

/** The user who was signed in when the event happened. */
public record User(String id, String email, String name) {
}
