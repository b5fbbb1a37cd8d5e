package dev.vigil.agents;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.accounts.User;
import dev.vigil.agents.AgentPages.AgentForm;
import dev.vigil.agents.AgentPages.AgentRow;
import dev.vigil.agents.AgentPages.LocationRow;
import dev.vigil.agents.AgentPages.NewAgent;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import dev.vigil.console.ConsolePages;
import dev.vigil.monitoring.ProbeRegistry;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.PathIds;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin's page for probe agents (issue 11), /console/agents: the agent tokens with their location and when
 * each was last seen, creating one (its secret is shown once), revoking one; and the locations probes name.
 */
public record AgentConsole(AgentTokens tokens, ProbeRegistry probes, Templates templates, TimeFormat times,
        String siteName) {

    public void page(Context ctx) {
        render(ctx, AgentForm.empty(), null);
    }

    /** The secret is in this response only; reloading the page does not show it again. */
    public void create(Context ctx) {
        User admin = StaffGuard.user(ctx);
        RefusedForm.submit(ctx, () -> {
            AgentTokens.Created created = tokens.create(admin.actor(), admin.id(), ctx.formParam("name"),
                    ctx.formParam("location"));
            render(ctx, AgentForm.empty(), new NewAgent(created.token().name(), created.token().location(),
                    created.secret()));
        }, fields -> render(ctx, new AgentForm(value(ctx, "name"), value(ctx, "location"), fields), null));
    }

    public void revoke(Context ctx) {
        long id = PathIds.id(ctx, "agent token");
        tokens.revoke(StaffGuard.user(ctx).actor(), id).orElseThrow(() -> PathIds.noSuch("agent token", id));
        ctx.redirect("/console/agents", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, AgentForm form, NewAgent created) {
        List<AgentToken> all = tokens.all();
        templates.page(ctx, "agents/agents.jte", new AgentPages.Agents(ConsolePages.Frame.of(siteName, ctx),
                times.zone().getId(), all.stream().map(this::row).toList(), locations(all), form, created));
    }

    private AgentRow row(AgentToken t) {
        return new AgentRow(t.id(), t.name(), t.location(), t.createdBy() == null ? "the admin API" : t.createdBy(),
                times.dateTime(t.createdAt()), t.lastSeenAt() == null ? "Never" : times.dateTime(t.lastSeenAt()),
                t.revokedAt() == null ? null : times.dateTime(t.revokedAt()));
    }

    private List<LocationRow> locations(List<AgentToken> all) {
        Set<String> live = all.stream().filter(t -> !t.revoked()).map(AgentToken::location).collect(Collectors.toSet());
        Map<String, Integer> probesAt = new LinkedHashMap<>();
        for (ProbeConfig probe : probes.running()) {
            probe.locations().names().stream().filter(name -> !ProbeLocations.SERVER.equals(name))
                    .forEach(name -> probesAt.merge(name, 1, Integer::sum));
        }
        return probesAt.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new LocationRow(e.getKey(), e.getValue(), live.contains(e.getKey()))).toList();
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
