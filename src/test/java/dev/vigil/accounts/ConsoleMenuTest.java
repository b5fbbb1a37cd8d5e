package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.console.ConsoleMenu;
import dev.vigil.console.ConsoleMenu.Link;
import dev.vigil.console.ConsoleMenu.Section;
import dev.vigil.console.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleMenuTest {

    @Test
    void anAdminSeesFourGroups() {
        assertThat(groups(ConsoleMenu.of(Role.ADMIN, "/console"))).containsExactly("Respond", "Learn", "Tell", "Team");
    }

    @Test
    void aViewerAndAnEditorSeeNoAdminPagesAndNoEmptyGroup() {
        for (Role role : List.of(Role.VIEWER, Role.EDITOR)) {
            ConsoleMenu menu = ConsoleMenu.of(role, "/console");
            assertThat(groups(menu)).containsExactly("Respond", "Learn", "Team");
            assertThat(hrefs(menu)).contains("/console/incidents", "/console/audit", "/console/account")
                    .doesNotContain("/console/users", "/console/tokens", "/console/notifications",
                            "/console/notifications/deliveries");
        }
    }

    @Test
    void theLinkOfThePageItselfIsMarkedAsThePage() {
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console"))).containsExactly("Overview=page");
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/metrics"))).containsExactly("Metrics=page");
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/account"))).containsExactly("Your account=page");
    }

    @Test
    void theMostSpecificLinkWinsSoMyItemsIsNotAlsoActionItems() {
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/action-items/mine"))).containsExactly("My items=page");
        assertThat(marked(ConsoleMenu.of(Role.ADMIN, "/console/notifications/deliveries")))
                .containsExactly("Delivery log=page");
    }

    @Test
    void aPageUnderASectionMarksTheSectionAsTrue() {
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/incidents/12"))).containsExactly("Incidents=true");
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/postmortems/3/action-items")))
                .containsExactly("Postmortems=true");
        assertThat(marked(ConsoleMenu.of(Role.ADMIN, "/console/probes/4/edit"))).containsExactly("Components=true");
        assertThat(marked(ConsoleMenu.of(Role.ADMIN, "/console/config/reload"))).containsExactly("Components=true");
    }

    @Test
    void aPageOffTheMenuMarksNothingNotEvenTheOverview() {
        ConsoleMenu menu = ConsoleMenu.of(Role.VIEWER, "/console/search");
        assertThat(marked(menu)).isEmpty();
        assertThat(menu.currentLabel()).isEmpty();
        assertThat(marked(ConsoleMenu.of(Role.VIEWER, "/console/incidents-archive"))).isEmpty();
    }

    @Test
    void theClosedPhoneMenuNamesTheCurrentPage() {
        assertThat(ConsoleMenu.of(Role.EDITOR, "/console/maintenance/new").currentLabel()).isEqualTo("Maintenance");
    }

    private static List<String> groups(ConsoleMenu menu) {
        return menu.sections().stream().map(Section::name).toList();
    }

    private static List<Link> links(ConsoleMenu menu) {
        List<Link> links = new ArrayList<>(List.of(menu.overview()));
        menu.sections().forEach(section -> links.addAll(section.links()));
        links.add(menu.account());
        return links;
    }

    private static List<String> hrefs(ConsoleMenu menu) {
        return links(menu).stream().map(Link::href).toList();
    }

    private static List<String> marked(ConsoleMenu menu) {
        return links(menu).stream().filter(link -> link.current() != null)
                .map(link -> link.label() + "=" + link.current()).toList();
    }
}
