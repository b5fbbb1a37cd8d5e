package dev.vigil.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A probe agent as a process of its own (issue 11), started as an operator starts it, from this build's classes:
 * {@code java dev.vigil.app.Main agent --server ... --location ...}, its token in VIGIL_AGENT_TOKEN. An agent may
 * be given a hosts file of its own (the JDK's jdk.net.hosts.file), so that one name leads each agent to a
 * different address, as a target seen from two networks does. Its output goes to a log file the test can read.
 */
final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private AgentProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** @param hostsFile the names this agent resolves, or null for none */
    static AgentProcess start(String server, String token, String location, Path dataDir, Path hostsFile) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        if (hostsFile != null) {
            command.add("-Djdk.net.hosts.file=" + hostsFile);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vigil.app.Main", "agent",
                "--server", server, "--location", location, "--data", dataDir.toString(), "--send-every", "500ms"));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("VIGIL_AGENT_TOKEN", token);
        try {
            return new AgentProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills it at once, as a crash or a pulled plug would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Asks it to stop (SIGTERM), as an operator or a service manager does: it writes what it checked to disk. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A hosts file mapping the name to the address, in the format jdk.net.hosts.file reads. */
    static Path hostsFile(Path dir, String name, String address) {
        Path file = dir.resolve("hosts-" + address);
        try {
            Files.writeString(file, address + " " + name + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
