package dev.greenlight.soak;

import dev.greenlight.testkit.SuiteRun;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The soak suite in a JVM of its own, so a self-test can kill it the way {@code kill -9} would. Arguments: the
 * reports directory, then Greenlight settings as {@code key=value}.
 */
public final class SoakChild {

    private SoakChild() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            settings.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        SuiteRun.Outcomes outcomes = SuiteRun.of("soak").with(settings).execute(Path.of(args[0]));
        System.out.println("soak child finished:" + outcomes.summary());
    }
}
