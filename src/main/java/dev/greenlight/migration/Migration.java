package dev.greenlight.migration;

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
 * The migration suite: Prisma migration history, schema drift, data integrity, rehearsal.
 * Tags the test {@code migration} (select with {@code -Dgroups=migration}), puts it in the "Migrations and data integrity" epic of the report and
 * connects it to the run's target through {@link GreenlightExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("migration")
@ExtendWith(GreenlightExtension.class)
@LabelAnnotation(name = "epic", value = "Migrations and data integrity")
public @interface Migration {
}
