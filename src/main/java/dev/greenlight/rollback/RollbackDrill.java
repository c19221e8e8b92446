package dev.greenlight.rollback;

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
 * The rollback drill: back up, roll back, prove health and data, roll forward, timed.
 * Tags the test {@code rollback} (select with {@code -Dgroups=rollback}), puts it in the "Rollback drill" epic of the report and
 * connects it to the run's target through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("rollback")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Rollback drill")
public @interface RollbackDrill {
}
