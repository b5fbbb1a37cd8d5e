package dev.vigil.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A storage test that runs on SQLite and on PostgreSQL. Its first parameter is the
 * {@link TestDatabase} of the run, which JUnit closes (and so drops) after the run. Maven's
 * reports number the runs rather than name them: [1] is SQLite, [2] PostgreSQL.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(TestDatabases.class)
public @interface OnEachBackend {}
