package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void anEmailKeepsItsFirstLetterAndItsDomain() {
        assertThat(Masks.email("grace@example.com")).isEqualTo("g***@example.com");
        assertThat(Masks.email("not-an-address")).isEqualTo("***");
    }

    @Test
    void aUrlKeepsItsSchemeHostAndPortButNotItsPathWhereCredentialsLive() {
        assertThat(Masks.url("https://hooks.slack.com/services/T000/B000/XXXX")).isEqualTo("https://hooks.slack.com/…");
        assertThat(Masks.url("http://127.0.0.1:8080/hook?token=s3cret")).isEqualTo("http://127.0.0.1:8080/…");
        assertThat(Masks.url("https://pager.example")).isEqualTo("https://pager.example");
        assertThat(Masks.url("https://pager.example/")).isEqualTo("https://pager.example");
    }
}
