package dev.greenlight.smoke;

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
 * The smoke suite: the seed's immediate validation, in the first minutes after a deploy.
 * Tags the test {@code smoke} (select with {@code -Dgroups=smoke}), puts it in the "Smoke" epic of the report and
 * connects it to the run's target through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("smoke")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Smoke")
public @interface Smoke {
}
