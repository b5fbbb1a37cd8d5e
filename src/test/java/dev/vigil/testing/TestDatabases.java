package dev.vigil.testing;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Runs a storage test once per backend, each time with a fresh {@link TestDatabase}: SQLite in a
 * temporary folder, and a database of its own on the local PostgreSQL server. Use it through
 * {@link OnEachBackend}.
 */
public final class TestDatabases implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return Stream.of(TestDatabase.sqlite(), TestDatabase.postgres()).map(Arguments::of);
    }
}
