package dev.jinju.graphql;

import dev.jinju.graphql.types.Environment;
import dev.jinju.graphql.types.LogGroup;
import dev.jinju.graphql.types.Project;
import dev.jinju.project.ProjectDef;
import dev.jinju.project.ProjectRegistry;
import dev.jinju.event.LogGroups;
import dev.jinju.search.SearchService;
import dev.jinju.store.LogGroupInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** GraphQL queries for the left-hand tree: {@code projects} and {@code logGroups}. */
@GraphQLApi
public class ProjectsGraphQLApi {
    private final ProjectRegistry projects;
    private final SearchService search;

    public ProjectsGraphQLApi(ProjectRegistry projects, SearchService search) {
        this.projects = projects;
        this.search = search;
    }

    @Query("projects")
    @Description("Every configured project with its environments and their log groups")
    public @NonNull List<@NonNull Project> projects() {
        List<LogGroupInfo> stored = search.logGroups();
        return projects.all().stream().map(p -> new Project(p.name(), p.environments().stream()
                .map(env -> new Environment(env, groups(p, env, stored))).toList())).toList();
    }

    @Query("logGroups")
    @Description("The log groups of one project and environment")
    public @NonNull List<@NonNull LogGroup> logGroups(@Name("project") @NonNull String project,
                                                     @Name("environment") @NonNull String environment) {
        return projects.find(project).filter(p -> p.hasEnvironment(environment))
                .map(p -> groups(p, environment, search.logGroups())).orElse(List.of());
    }

    /** Jinju's own group first (it exists as soon as the environment is configured), then stored ones. */
    private static List<LogGroup> groups(ProjectDef p, String env, List<LogGroupInfo> stored) {
        String own = LogGroups.groupName(p.name(), env);
        TreeSet<String> others = new TreeSet<>();
        for (LogGroupInfo g : stored) {
            if (g.project().equals(p.name()) && g.environment().equals(env) && !g.name().equals(own)) {
                others.add(g.name());
            }
        }
        List<LogGroup> result = new ArrayList<>();
        result.add(new LogGroup(own, p.name(), env));
        others.forEach(name -> result.add(new LogGroup(name, p.name(), env)));
        return result;
    }
}
