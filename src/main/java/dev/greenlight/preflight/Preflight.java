package dev.greenlight.preflight;

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
 * The preflight suite: the kickoff's pre-deployment checklist, read from the application's repository and staging before
 * anyone deploys. Tags the test {@code preflight} (select with {@code -Dgroups=preflight}), puts it in the "Preflight"
 * epic, connects it to the run through {@link GreenlightExtension} and gives it the {@link ApplicationRepository}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("preflight")
@ExtendWith({GreenlightExtension.class, PreflightExtension.class})
@LabelAnnotation(name = "epic", value = "Preflight")
public @interface Preflight {
}
