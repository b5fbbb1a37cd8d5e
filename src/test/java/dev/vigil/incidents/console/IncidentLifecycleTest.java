package dev.vigil.incidents.console;

import static dev.vigil.incidents.IncidentStatus.IDENTIFIED;
import static dev.vigil.incidents.IncidentStatus.INVESTIGATING;
import static dev.vigil.incidents.IncidentStatus.MONITORING;
import static dev.vigil.incidents.IncidentStatus.POSTMORTEM;
import static dev.vigil.incidents.IncidentStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.console.IncidentLifecycle.Step;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

    @Test
    void openStatusesFollowEachOtherInAnyOrder() {
        assertThat(IncidentLifecycle.step(MONITORING, INVESTIGATING)).isEqualTo(Step.CONTINUES);
        assertThat(IncidentLifecycle.step(INVESTIGATING, MONITORING)).isEqualTo(Step.CONTINUES);
        assertThat(IncidentLifecycle.step(IDENTIFIED, IDENTIFIED)).isEqualTo(Step.CONTINUES);
    }

    @Test
    void anyOpenStatusMayResolve() {
        assertThat(IncidentLifecycle.step(INVESTIGATING, RESOLVED)).isEqualTo(Step.RESOLVES);
        assertThat(IncidentLifecycle.step(MONITORING, RESOLVED)).isEqualTo(Step.RESOLVES);
    }

    @Test
    void anOpenStatusAfterResolvedReopens() {
        assertThat(IncidentLifecycle.step(RESOLVED, INVESTIGATING)).isEqualTo(Step.REOPENS);
        assertThat(IncidentLifecycle.step(POSTMORTEM, MONITORING)).isEqualTo(Step.REOPENS);
    }

    @Test
    void aResolvedUpdateToAResolvedIncidentIsAFollowUp() {
        assertThat(IncidentLifecycle.step(RESOLVED, RESOLVED)).isEqualTo(Step.FOLLOWS_UP);
        assertThat(IncidentLifecycle.step(POSTMORTEM, RESOLVED)).isEqualTo(Step.FOLLOWS_UP);
    }

    @Test
    void theFormStartsWhereTheIncidentIsAndAResolvedOneAtAFollowUp() {
        assertThat(IncidentLifecycle.suggested(INVESTIGATING)).isEqualTo(INVESTIGATING);
        assertThat(IncidentLifecycle.suggested(IDENTIFIED)).isEqualTo(IDENTIFIED);
        assertThat(IncidentLifecycle.suggested(MONITORING)).isEqualTo(MONITORING);
        assertThat(IncidentLifecycle.suggested(RESOLVED)).isEqualTo(RESOLVED);
        assertThat(IncidentLifecycle.suggested(POSTMORTEM)).isEqualTo(RESOLVED);
    }

    @Test
    void aResolvedIncidentsFormSaysWhichStatusesReopenIt() {
        assertThat(IncidentLifecycle.label(RESOLVED, RESOLVED)).contains("follow-up").contains("stays resolved");
        assertThat(IncidentLifecycle.label(RESOLVED, INVESTIGATING)).isEqualTo("Investigating: reopens the incident");
        assertThat(IncidentLifecycle.label(IDENTIFIED, MONITORING)).isEqualTo("Monitoring");
    }

    @Test
    void staffDoNotPostThePostmortemStatus() {
        assertThatThrownBy(() -> IncidentLifecycle.step(RESOLVED, POSTMORTEM)).isInstanceOf(InvalidInput.class);
    }
}
