package dev.greenlight.soak;

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
 * The soak suite: load over hours with monitoring, checkpoints and baseline comparison.
 * Tags the test {@code soak} (select with {@code -Dgroups=soak}), puts it in the "Soak" epic of the report and
 * connects it to the run's target through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("soak")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Soak")
public @interface Soak {
}
