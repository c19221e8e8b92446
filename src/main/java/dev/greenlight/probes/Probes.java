package dev.greenlight.probes;

import dev.greenlight.run.GreenlightExtension;
import io.qameta.allure.LabelAnnotation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The upgrade-risk probes: what Prisma 7 is known to change (pool, timeouts, TLS, time zones, metrics), probed from
 * outside the application. Tags the test {@code probes} (select with {@code -Dgroups=probes}), puts it in the
 * "Upgrade-risk probes" epic and connects it to the run through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("probes")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Upgrade-risk probes")
public @interface Probes {
}
