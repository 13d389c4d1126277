package dev.jinju.event;

/** The HTTP request an event is about: method (upper case) and response status. */
public record Http(String method, Integer status) {
}
