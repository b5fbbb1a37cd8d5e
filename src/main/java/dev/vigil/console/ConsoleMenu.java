package dev.vigil.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's navigation, grouped by what staff do: respond to trouble, learn from it, tell
 * people about it, and look after the team. Each person sees only the pages their role opens,
 * and the link of the page they are on is marked, so that the layout stays free of rules.
 */
public final class ConsoleMenu {
    /** A page of the menu; it also stands for the pages under the paths in {@code alsoUnder}. */
    record Page(String label, String href, Role needs, List<String> alsoUnder) {
        Page(String label, String href, Role needs) {
            this(label, href, needs, List.of());
        }

        /** How many characters of the path this page claims, or -1 when the path is not its. */
        int claim(String path) {
            if (path.equals(href)) {
                return Integer.MAX_VALUE;
            }
            if ("/console".equals(href)) {
                return -1; // every console path starts with it; the overview is only itself
            }
            return alsoUnder.stream().filter(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
                    .mapToInt(String::length).max().orElse(path.startsWith(href + "/") ? href.length() : -1);
        }
    }

    private record Group(String name, List<Page> pages) {}

    private static final Page OVERVIEW = new Page("Overview", "/console", Role.VIEWER);
    private static final Page ACCOUNT = new Page("Your account", "/console/account", Role.VIEWER);

    // Labels "Incidents", "Components" and "Postmortems" are what the browser tests click.
    private static final List<Group> GROUPS = List.of(
            new Group("Respond", List.of(
                    new Page("Incidents", "/console/incidents", Role.VIEWER),
                    new Page("Maintenance", "/console/maintenance", Role.VIEWER),
                    new Page("Components", "/console/components", Role.VIEWER,
                            List.of("/console/probes", "/console/config")))),
            new Group("Learn", List.of(
                    new Page("Postmortems", "/console/postmortems", Role.VIEWER),
                    new Page("Action items", "/console/action-items", Role.VIEWER),
                    new Page("My items", "/console/action-items/mine", Role.VIEWER),
                    new Page("Reminders", "/console/action-items/reminders", Role.VIEWER),
                    new Page("Metrics", "/console/metrics", Role.VIEWER))),
            new Group("Tell", List.of(
                    new Page("Notifications", "/console/notifications", Role.ADMIN),
                    new Page("Delivery log", "/console/notifications/deliveries", Role.ADMIN))),
            new Group("Team", List.of(
                    new Page("Users", "/console/users", Role.ADMIN),
                    new Page("API tokens", "/console/tokens", Role.ADMIN),
                    new Page("Agents", "/console/agents", Role.ADMIN),
                    new Page("Audit log", "/console/audit", Role.VIEWER))));

    /** A link as the layout writes it; current is "page", "true" (a page under it) or null. */
    public record Link(String label, String href, String current) {}

    /** A group of links; id names it for aria-labelledby. */
    public record Section(String name, String id, List<Link> links) {
        public boolean holdsCurrent() {
            return links.stream().anyMatch(link -> link.current() != null);
        }
    }

    private final Link overview;
    private final List<Section> sections;
    private final Link account;

    private ConsoleMenu(Link overview, List<Section> sections, Link account) {
        this.overview = overview;
        this.sections = sections;
        this.account = account;
    }

    /** The menu as a person with this role sees it on this path. */
    public static ConsoleMenu of(Role role, String path) {
        Optional<Page> current = currentPage(role, path);
        List<Section> sections = new ArrayList<>();
        for (Group group : GROUPS) {
            List<Link> links = group.pages().stream().filter(page -> role.includes(page.needs()))
                    .map(page -> link(page, current, path)).toList();
            if (!links.isEmpty()) {
                sections.add(new Section(group.name(), "console-menu-" + group.name().toLowerCase(Locale.ROOT), links));
            }
        }
        return new ConsoleMenu(link(OVERVIEW, current, path), List.copyOf(sections), link(ACCOUNT, current, path));
    }

    public Link overview() {
        return overview;
    }

    public List<Section> sections() {
        return sections;
    }

    public Link account() {
        return account;
    }

    /** The label of the marked link, for the phone's closed menu button; empty off the menu's pages. */
    public String currentLabel() {
        return allLinks().stream().filter(link -> link.current() != null).map(Link::label).findFirst().orElse("");
    }

    private List<Link> allLinks() {
        List<Link> links = new ArrayList<>(List.of(overview));
        sections.forEach(section -> links.addAll(section.links()));
        links.add(account);
        return links;
    }

    /** The visible page that claims most of the path: /console/action-items/mine is "My items", not "Action items". */
    private static Optional<Page> currentPage(Role role, String path) {
        List<Page> visible = new ArrayList<>(List.of(OVERVIEW, ACCOUNT));
        GROUPS.forEach(group -> group.pages().stream().filter(page -> role.includes(page.needs())).forEach(visible::add));
        return visible.stream().filter(page -> page.claim(path) >= 0).max(Comparator.comparingInt(page -> page.claim(path)));
    }

    private static Link link(Page page, Optional<Page> current, String path) {
        String mark = current.filter(page::equals).map(found -> path.equals(page.href()) ? "page" : "true").orElse(null);
        return new Link(page.label(), page.href(), mark);
    }
}
