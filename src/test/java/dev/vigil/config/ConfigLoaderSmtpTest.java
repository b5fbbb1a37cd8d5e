package dev.vigil.config;

import static dev.vigil.config.ConfigLoaderErrorsTest.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The smtp block, its VIGIL_SMTP_* overrides and the notifications block. */
class ConfigLoaderSmtpTest {
    private static final String SITE = """
            site:
              name: Acme Status
              url: https://status.acme.test
            """;
    private static final String FULL = SITE + """
            smtp:
              host: mail.acme.test
              port: 2525
              username: status
              password: hunter2-but-longer
              from: Acme Status <status@acme.test>
              starttls: false
            """;

    @Test
    void a_full_smtp_block_is_read_key_by_key() {
        NotificationConfig notifications = ConfigLoader.parse(FULL, Map.of()).notifications();

        assertThat(notifications.smtp()).isEqualTo(new SmtpConfig("mail.acme.test", 2525, "status",
                "hunter2-but-longer", "Acme Status <status@acme.test>", false));
        assertThat(notifications.hasSmtp()).isTrue();
    }

    @Test
    void without_an_smtp_block_there_is_no_mail_server_and_private_webhooks_stay_refused() {
        NotificationConfig notifications = ConfigLoader.parse(SITE, Map.of()).notifications();

        assertThat(notifications.hasSmtp()).isFalse();
        assertThat(notifications.allowPrivateWebhooks()).isFalse();
    }

    @Test
    void a_server_without_sign_in_takes_the_default_port_and_starttls() {
        String yaml = SITE + "smtp: {host: mail.acme.test, from: status@acme.test}\n";

        assertThat(ConfigLoader.parse(yaml, Map.of()).notifications().smtp()).isEqualTo(
                new SmtpConfig("mail.acme.test", 587, null, null, "status@acme.test", true));
    }

    @Test
    void variables_win_over_the_file_key_by_key() {
        Map<String, String> env = Map.of("VIGIL_SMTP_HOST", "relay.acme.test", "VIGIL_SMTP_PORT", "25",
                "VIGIL_SMTP_USERNAME", "relay", "VIGIL_SMTP_PASSWORD", "from-a-secret-store",
                "VIGIL_SMTP_FROM", "alerts@acme.test");

        assertThat(ConfigLoader.parse(FULL, env).notifications().smtp()).isEqualTo(
                new SmtpConfig("relay.acme.test", 25, "relay", "from-a-secret-store", "alerts@acme.test", false));
    }

    @Test
    void the_variables_alone_configure_a_server() {
        Map<String, String> env = Map.of("VIGIL_SMTP_HOST", "relay.acme.test", "VIGIL_SMTP_FROM", "alerts@acme.test");

        assertThat(ConfigLoader.parse(SITE, env).notifications().smtp()).isEqualTo(
                new SmtpConfig("relay.acme.test", 587, null, null, "alerts@acme.test", true));
    }

    @Test
    void an_empty_variable_counts_as_unset() {
        SmtpConfig smtp = ConfigLoader.parse(FULL, Map.of("VIGIL_SMTP_PASSWORD", "")).notifications().smtp();

        assertThat(smtp.password()).isEqualTo("hunter2-but-longer");
    }

    @Test
    void the_password_never_shows_when_the_settings_are_printed() {
        SmtpConfig smtp = ConfigLoader.parse(FULL, Map.of()).notifications().smtp();

        assertThat(smtp.toString()).doesNotContain("hunter2").contains("password=(hidden)").contains("mail.acme.test");
        assertThat(ConfigLoader.parse(FULL, Map.of()).toString()).doesNotContain("hunter2");
    }

    @Test
    void a_block_without_host_and_sender_names_both_and_their_variables() {
        assertThat(problemsOf(SITE + "smtp: {port: 25}\n")).containsExactly(
                "smtp.host: required (or set VIGIL_SMTP_HOST)",
                "smtp.from: required (or set VIGIL_SMTP_FROM)");
    }

    @Test
    void a_sender_that_is_not_an_address_says_what_is_allowed() {
        assertThat(problemsOf(SITE + "smtp: {host: mail.acme.test, from: Acme Status}\n")).containsExactly(
                "smtp.from: \"Acme Status\" must be an email address, such as status@acme.example or "
                        + "\"Acme Status <status@acme.example>\"");
    }

    @Test
    void a_bad_variable_is_reported_under_its_own_name() {
        Map<String, String> env = Map.of("VIGIL_SMTP_PORT", "smtp", "VIGIL_SMTP_FROM", "nobody");

        assertThat(problemsOf(FULL, env)).containsExactly(
                "VIGIL_SMTP_PORT: \"smtp\" must be a whole number from 1 to 65535",
                "VIGIL_SMTP_FROM: \"nobody\" must be an email address, such as status@acme.example or "
                        + "\"Acme Status <status@acme.example>\"");
    }

    @Test
    void a_password_without_a_user_name_is_refused_without_showing_the_password() {
        String yaml = SITE + "smtp: {host: mail.acme.test, from: status@acme.test, password: s3cret-value}\n";

        assertThat(problemsOf(yaml)).containsExactly(
                "smtp.password: is set without a user name; set smtp.username (or VIGIL_SMTP_USERNAME) too");
    }

    @Test
    void a_mail_variable_without_any_server_is_not_ignored_in_silence() {
        assertThat(problemsOf(SITE, Map.of("VIGIL_SMTP_PASSWORD", "s3cret-value"))).containsExactly(
                "VIGIL_SMTP_PASSWORD: is set, but no mail server is configured; set smtp.host or VIGIL_SMTP_HOST too");
    }

    @Test
    void wrong_values_in_the_block_are_reported_with_their_key_path() {
        String yaml = SITE + """
                smtp:
                  host: mail.acme.test
                  port: 70000
                  from: status@acme.test
                  starttls: yes
                  passwrd: x
                notifications:
                  allow_private_webhook: true
                """;

        assertThat(problemsOf(yaml)).containsExactly(
                "smtp.passwrd: unknown key; did you mean \"password\"?",
                "smtp.port: \"70000\" must be a whole number from 1 to 65535",
                "smtp.starttls: \"yes\" must be true or false",
                "notifications.allow_private_webhook: unknown key; did you mean \"allow_private_webhooks\"?");
    }

    @Test
    void private_webhooks_may_be_allowed_for_a_status_page_on_an_internal_network() {
        String yaml = SITE + "notifications: {allow_private_webhooks: true}\n";

        assertThat(ConfigLoader.parse(yaml, Map.of()).notifications().allowPrivateWebhooks()).isTrue();
    }
}
