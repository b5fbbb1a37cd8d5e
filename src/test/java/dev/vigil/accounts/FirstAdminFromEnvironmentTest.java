package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An automated install creates its first admin from VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD. */
class FirstAdminFromEnvironmentTest {
    private static final Map<String, String> ENV = Map.of("VIGIL_ADMIN_EMAIL", "ada@example.com",
            "VIGIL_ADMIN_PASSWORD", "correct-horse-battery");

    @TempDir
    Path dataDir;

    @Test
    void theAdminFromTheEnvironmentSignsInAndSetupIsClosed() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, "components: []\n", ENV)) {
            WebClient ada = new WebClient(vigil.url(""));

            var signedIn = ada.submit("/sign-in", "/sign-in", Map.of("email", "ada@example.com",
                    "password", "correct-horse-battery"));

            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(ada.get("/console/users").body()).contains("ada@example.com").contains("admin");
            assertThat(new WebClient(vigil.url("")).get("/setup").headers().firstValue("Location")).hasValue("/sign-in");
        }
    }

    @Test
    void aSecondStartWithTheSameVariablesChangesNothing() {
        RunningVigil.start(dataDir, "components: []\n", ENV).close();

        try (RunningVigil vigil = RunningVigil.start(dataDir, "components: []\n",
                Map.of("VIGIL_ADMIN_EMAIL", "eve@example.com", "VIGIL_ADMIN_PASSWORD", "another-long-password"))) {
            long users = vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM users")
                    .mapTo(Long.class).one());
            assertThat(users).isEqualTo(1);
            var eve = new WebClient(vigil.url("")).submit("/sign-in", "/sign-in", Map.of("email", "eve@example.com",
                    "password", "another-long-password"));
            assertThat(eve.statusCode()).isNotEqualTo(303);
        }
    }
}
