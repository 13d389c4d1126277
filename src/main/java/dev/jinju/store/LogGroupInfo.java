package dev.jinju.store;

/** A log group and the project and environment it lists under. */
public record LogGroupInfo(String name, String project, String environment) {
}
