package dev.vigil.testing;

import dev.vigil.app.Vigil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Vigil of its own for every test, registered with {@code @RegisterExtension}: before each test
 * it starts a {@link RunningVigil} with the given components and probes in a new data folder, and
 * signs in the staff; after each test (after the test's own {@code @AfterEach} methods, which may
 * still use it) it stops Vigil and removes the folder. {@code S} is whoever signs in: the shared
 * {@link Staff}, a package's own staff, or {@code Void} when no one does. It answers the calls tests
 * make of a {@link RunningVigil} ({@link #get}, {@link #url}, {@link #vigil()}), so that a test
 * reads as it did when it held one.
 */
public final class FreshVigil<S> implements BeforeEachCallback, AfterEachCallback {
    private final String yaml;
    private final Function<RunningVigil, S> signIn;
    private Clock clock = Clock.systemUTC();
    private boolean withTarget;
    private Path dataDir;
    private TargetServer target;
    private RunningVigil vigil;
    private S staff;

    private FreshVigil(String yaml, Function<RunningVigil, S> signIn) {
        this.yaml = yaml;
        this.signIn = signIn;
    }

    /** Vigil with the given YAML (components, probes; the site block may be omitted), no one signed in. */
    public static FreshVigil<Void> configured(String yaml) {
        return new FreshVigil<>(yaml, vigil -> null);
    }

    /** Vigil with Ada, Grace and Victor signed in through the real pages ({@link Staff#assemble}). */
    public static FreshVigil<Staff> withStaff(String yaml) {
        return new FreshVigil<>(yaml, Staff::assemble);
    }

    /** Vigil with whoever {@code signIn} signs in, such as a package's own staff. */
    public static <S> FreshVigil<S> withStaff(String yaml, Function<RunningVigil, S> signIn) {
        return new FreshVigil<>(yaml, signIn);
    }

    /** Runs Vigil on this clock, such as a {@link MovableClock}, instead of the real one. */
    public FreshVigil<S> onClock(Clock testClock) {
        this.clock = testClock;
        return this;
    }

    /**
     * Starts a {@link TargetServer} before Vigil, for its probes to check: a {@code %s} in the YAML
     * stands for the target's URL.
     */
    public FreshVigil<S> withTarget() {
        this.withTarget = true;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("vigil-test");
        String config = yaml;
        if (withTarget) {
            target = TargetServer.start();
            config = yaml.formatted(target.url());
        }
        vigil = RunningVigil.start(dataDir, config, Map.of(), clock);
        staff = signIn.apply(vigil);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // Any of them may be missing when start-up failed; the rest must still be stopped.
        if (vigil != null) {
            vigil.close();
        }
        if (target != null) {
            target.close();
        }
        if (dataDir != null) {
            delete(dataDir);
        }
        vigil = null;
        target = null;
        staff = null;
        dataDir = null;
    }

    /** The running Vigil, for what takes one (a browser, a fixture of a package). */
    public RunningVigil running() {
        return vigil;
    }

    /** As {@link RunningVigil#vigil()}: the application, for its database and clock. */
    public Vigil vigil() {
        return vigil.vigil();
    }

    /** As {@link RunningVigil#url(String)}. */
    public String url(String path) {
        return vigil.url(path);
    }

    /** As {@link RunningVigil#get(String)}: a GET with no cookies. */
    public HttpResponse<String> get(String path) {
        return vigil.get(path);
    }

    /** As {@link RunningVigil#post(String)}: an empty POST with no cookies. */
    public HttpResponse<String> post(String path) {
        return vigil.post(path);
    }

    public S staff() {
        return staff;
    }

    /** The server Vigil probes, when started {@link #withTarget()}. */
    public TargetServer target() {
        return target;
    }

    /** This test's data folder, as an {@code @TempDir} would be. */
    public Path dataDir() {
        return dataDir;
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
