package dev.greenlight.target;

import dev.greenlight.config.LocalConfig;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The application in a child JVM on this machine's Java and classpath. Its stdin stays open as a lifeline:
 * an app started with {@code EXIT_WITH_PARENT=1} exits when Greenlight dies, however it dies.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final OutputStream lifeline;
    private final Path console;
    private final Duration stopTimeout;

    private AppProcess(Process process, Path console, Duration stopTimeout) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.console = console;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Starts {@code app.mainClass} with placeholders filled by {@code fill}; output goes to {@code console}.
     *
     * @param properties the harness's system properties named in {@code forwardSystemProperties}, already looked up
     * @param extraEnv   environment variables on top of {@code app.env}
     */
    public static AppProcess start(LocalConfig.App app, UnaryOperator<String> fill, Map<String, String> properties,
                                   Map<String, String> extraEnv, Path console) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        app.jvmArgs().stream().map(fill).forEach(command::add);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath(Thread.currentThread().getContextClassLoader()));
        command.add(app.mainClass());
        app.args().stream().map(fill).forEach(command::add);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        app.env().forEach((key, value) -> builder.environment().put(key, fill.apply(value)));
        builder.environment().putAll(extraEnv);
        try {
            Files.createDirectories(console.getParent());
            return new AppProcess(builder.start(), console, app.stopTimeout());
        } catch (IOException e) {
            throw new TargetNotReadyException("cannot start the application (" + app.mainClass() + "): " + e.getMessage(), e);
        }
    }

    /**
     * The classpath the app's main class is loaded from here: the JVM's own, or — when Greenlight runs inside a
     * class loader of its own (Maven's {@code exec:java}, an IDE runner) — that loader's files and its parents'.
     */
    static String classPath(ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a plain file: the child JVM could not use it either
                        }
                    }
                }
            }
        }
        String jvm = System.getProperty("java.class.path");
        if (entries.isEmpty()) {
            return jvm;
        }
        if (jvm != null && !jvm.isBlank()) {
            entries.add(jvm);
        }
        return String.join(File.pathSeparator, entries);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code, when it has exited. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    public Path console() {
        return console;
    }

    /** Asks the process to stop (SIGTERM), and kills it if it has not stopped within its stop timeout. */
    @Override
    public void close() {
        try {
            lifeline.close();
        } catch (IOException e) {
            // the process may be gone already
        }
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a file that may not exist yet. */
    static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return new FileLogSource(file, count).tail(count);
        } catch (UncheckedIOException | LogUnavailableException e) {
            return List.of();
        }
    }
}
