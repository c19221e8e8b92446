package dev.greenlight.critical;

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
 * The critical-path suite: API and browser journeys with real, run-tagged data.
 * Tags the test {@code critical} (select with {@code -Dgroups=critical}), puts it in the "Critical paths" epic of the report and
 * connects it to the run's target through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("critical")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Critical paths")
public @interface CriticalPath {
}
