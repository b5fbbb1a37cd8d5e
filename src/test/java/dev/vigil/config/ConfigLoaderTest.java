package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String FULL = """
            site:
              name: Acme Status
              url: https://status.acme.test
              time_zone: America/Los_Angeles
            storage:
              retention: 30d
            demo:
              enabled: true
            components:
              - id: web
                name: Web application
                group: Tracker
                description: The app our customers use
                essential: true
              - id: api
                name: Public API
            probes:
              - id: web-home
                component: web
                type: http
                url: http://127.0.0.1:8081/health
                interval: 30s
                timeout: 5s
                connect_timeout: 2s
                max_body: 512KiB
                expect:
                  status: 204
                  body_contains: ok
                  max_latency: 2s
                failures_to_open: 4
                successes_to_close: 1
              - id: api_root
                component: api
                url: https://api.acme.test/
            """;

    private static final String MINIMAL = """
            site:
              name: Acme Status
              url: http://localhost:7070
            """;

    @Test
    void a_full_file_is_read_into_the_records_field_by_field() {
        VigilConfig config = ConfigLoader.parse(FULL, Map.of());

        assertThat(config.site()).isEqualTo(
                new SiteConfig("Acme Status", "https://status.acme.test", ZoneId.of("America/Los_Angeles")));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.demo()).isTrue();
        assertThat(config.components()).containsExactly(
                new ComponentConfig("web", "Web application", "Tracker", "The app our customers use", true),
                new ComponentConfig("api", "Public API", null, null, false));
        assertThat(config.probes().get(0)).isEqualTo(new ProbeConfig(
                "web-home", "web", new HttpTarget(URI.create("http://127.0.0.1:8081/health"), Duration.ofSeconds(2),
                        512 * 1024, new HttpTarget.Expectation(204, "ok", Duration.ofSeconds(2))),
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10), 4, 1,
                ProbeLocations.SERVER_ONLY));
    }

    @Test
    void keys_left_out_of_a_probe_take_their_defaults() {
        ProbeConfig probe = ConfigLoader.parse(FULL, Map.of()).probes().get(1);

        assertThat(probe).isEqualTo(new ProbeConfig(
                "api_root", "api", new HttpTarget(URI.create("https://api.acme.test/"), Duration.ofSeconds(5),
                        HttpTarget.DEFAULT_MAX_BODY_BYTES, new HttpTarget.Expectation(200, null, null)),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(10), 3, 2,
                ProbeLocations.SERVER_ONLY));
    }

    @Test
    void a_file_with_only_the_site_takes_every_other_default() {
        VigilConfig config = ConfigLoader.parse(MINIMAL, Map.of());

        assertThat(config.site().timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.retention()).isEqualTo(Duration.ofDays(14));
        assertThat(config.demo()).isFalse();
        assertThat(config.components()).isEmpty();
        assertThat(config.probes()).isEmpty();
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:data/vigil.db");
    }

    @Test
    void a_short_interval_alone_pulls_the_default_timeouts_down_with_it() {
        String yaml = MINIMAL + """
                components: [{id: web, name: Web}]
                probes:
                  - {id: fast, component: web, url: "http://web/", interval: 2s}
                """;

        ProbeConfig probe = ConfigLoader.parse(yaml, Map.of()).probes().get(0);

        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(probe.http().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void components_and_probes_keep_the_order_of_the_file() {
        String yaml = MINIMAL + """
                components: [{id: zeta, name: Z}, {id: alpha, name: A}, {id: mid, name: M}]
                probes:
                  - {id: p-z, component: zeta, url: "http://z/"}
                  - {id: p-a, component: alpha, url: "http://a/"}
                """;

        VigilConfig config = ConfigLoader.parse(yaml, Map.of());

        assertThat(config.components()).extracting(ComponentConfig::id).containsExactly("zeta", "alpha", "mid");
        assertThat(config.probes()).extracting(ProbeConfig::id).containsExactly("p-z", "p-a");
    }

    @Test
    void variables_in_the_text_are_replaced_from_the_environment() {
        String yaml = """
                site:
                  name: ${SITE_NAME}
                  url: http://${HOST}:${WEB_PORT}
                """;

        VigilConfig config = ConfigLoader.parse(yaml,
                Map.of("SITE_NAME", "Acme Status", "HOST", "status.acme.test", "WEB_PORT", "8080"));

        assertThat(config.site().name()).isEqualTo("Acme Status");
        assertThat(config.site().url()).isEqualTo("http://status.acme.test:8080");
    }

    @Test
    void a_variable_default_is_used_when_the_variable_is_unset_or_empty() {
        String yaml = """
                site:
                  name: ${SITE_NAME:-Fallback Status}
                  url: http://${HOST:-localhost}:7070
                  time_zone: ${ZONE:-Europe/Paris}
                """;

        VigilConfig config = ConfigLoader.parse(yaml, Map.of("HOST", "", "ZONE", "Asia/Tokyo"));

        assertThat(config.site().name()).isEqualTo("Fallback Status");
        assertThat(config.site().url()).isEqualTo("http://localhost:7070");
        assertThat(config.site().timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void the_environment_sets_port_data_dir_and_a_database_url_inside_the_data_dir() {
        VigilConfig config = ConfigLoader.parse(MINIMAL, Map.of("VIGIL_PORT", "0", "VIGIL_DATA_DIR", "/var/lib/vigil"));

        assertThat(config.port()).isZero();
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/vigil"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:/var/lib/vigil/vigil.db");
    }

    @Test
    void an_explicit_database_url_wins_over_the_data_dir() {
        VigilConfig config = ConfigLoader.parse(MINIMAL,
                Map.of("VIGIL_DATA_DIR", "/srv", "VIGIL_DB_URL", "jdbc:postgresql://db/vigil"));

        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db/vigil");
        assertThat(config.dataDir()).isEqualTo(Path.of("/srv"));
    }

    @Test
    void load_reads_the_file_and_expands_variables(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("vigil.yml"), MINIMAL.replace("Acme Status", "${NAME}"));

        VigilConfig config = ConfigLoader.load(file, Map.of("NAME", "From File"));

        assertThat(config.site().name()).isEqualTo("From File");
    }

    @Test
    void load_names_the_path_of_a_missing_file(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.yml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly(missing + ": no such file"));
    }

    @Test
    void load_names_the_path_of_a_file_that_cannot_be_read(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement().asString().startsWith(dir + ": cannot be read; "));
    }
}
