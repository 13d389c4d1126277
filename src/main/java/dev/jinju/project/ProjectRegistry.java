package dev.jinju.project;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured projects, plus the built-in {@code demo} project when demo data is on. */
@ApplicationScoped
public class ProjectRegistry {
    public static final String DEMO = "demo";
    public static final String DEMO_KEY = "demo-key";
    /** Jinju's own log (WARN and above), environment {@code self}; always there, no ingest key. */
    public static final String SELF = "jinju";

    private final Map<String, ProjectDef> projects = new TreeMap<>();

    public ProjectRegistry(ProjectsConfig config, CoreConfig core) {
        if (core.demo()) {
            projects.put(DEMO, new ProjectDef(DEMO, List.of("production", "staging"), List.of(DEMO_KEY),
                    List.of("*"), Map.of("production", List.of("demo-api-")), Optional.of(30)));
        }
        projects.put(SELF, new ProjectDef(SELF, List.of("self"), List.of(), List.of(), Map.of(), Optional.of(30)));
        config.projects().forEach((name, p) -> projects.put(name, new ProjectDef(name, p.environments(),
                p.ingestKeys().orElse(List.of()), p.allowedOrigins().orElse(List.of()), p.lambda(),
                p.retentionDays())));
    }

    public Optional<ProjectDef> find(String name) {
        return Optional.ofNullable(projects.get(name));
    }

    public Collection<ProjectDef> all() {
        return projects.values();
    }
}
