package dev.jinju.event;

/** Where an event was collected; stored as its lower-case name. */
public enum Source {
    BROWSER, LAMBDA, SERVER;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
