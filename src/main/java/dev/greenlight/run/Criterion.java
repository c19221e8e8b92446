package dev.greenlight.run;

import io.qameta.allure.LabelAnnotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The go/no-go criteria (ids from {@code suites/go-no-go.yaml}) a test serves. It becomes a {@code criterion}
 * label in Allure, which is how the gate finds the tests behind a criterion. Tests never decide go / no-go.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@LabelAnnotation(name = Criterion.LABEL)
public @interface Criterion {

    /** The Allure label name. */
    String LABEL = "criterion";

    /** Criterion ids, e.g. {@code "critical-features"}. */
    String[] value();
}
