package dev.greenlight.target;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AppProcessTests {

    @Test
    @DisplayName("The app's classpath is the JVM's when Greenlight runs on the JVM's own class loader")
    void shouldUseTheJvmClassPathOnTheSystemLoader() {
        assertThat(AppProcess.classPath(ClassLoader.getSystemClassLoader())).isEqualTo(System.getProperty("java.class.path"));
    }

    @Test
    @DisplayName("Inside a class loader of its own (exec:java, an IDE), the app gets that loader's files first")
    void shouldUseTheFilesOfAnIsolatingLoader(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = Files.createFile(dir.resolve("dep.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), jar.toUri().toURL()}, null)) {
            String classPath = AppProcess.classPath(loader);

            assertThat(classPath.split(File.pathSeparator)).startsWith(classes.toString(), jar.toString());
        }
    }
}
