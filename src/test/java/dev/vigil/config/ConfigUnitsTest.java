package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations and byte sizes (named Config* so that the config test filter runs it). */
class ConfigUnitsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "30s, 30000", "5m, 300000", "1h, 3600000", "14d, 1209600000", "0s, 0"})
    void durations_are_a_whole_number_and_one_unit(String text, long expectedMillis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(expectedMillis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x", "30", "1.5s", "-5s", "5 s", "1h30m", "", "s", "9999999999999d"})
    void anything_else_is_not_a_duration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"500, 500ms", "1500, 1500ms", "30000, 30s", "90000, 90s", "300000, 5m", "86400000, 1d", "0, 0s"})
    void durations_are_written_with_the_largest_exact_unit(long millis, String expected) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1048576, 1048576", "1MiB, 1048576", "512KiB, 524288", "1GiB, 1073741824", "100B, 100", "2mib, 2097152"})
    void byte_sizes_are_bytes_or_binary_units(String text, long expectedBytes) {
        assertThat(ByteSizes.parse(text)).contains(expectedBytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1MB", "1.5MiB", "-1", "lots", "", "999999999999999GiB"})
    void other_byte_sizes_are_refused(String text) {
        assertThat(ByteSizes.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1024, 1KiB", "67108864, 64MiB", "1000, 1000", "0, 0"})
    void byte_sizes_are_written_with_the_largest_exact_unit(long bytes, String expected) {
        assertThat(ByteSizes.format(bytes)).isEqualTo(expected);
    }
}
