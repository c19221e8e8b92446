package dev.greenlight.critical;

import dev.greenlight.critical.browser.BrowserExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A critical-path journey through the browser (use with {@link CriticalPath}): tags it {@code browser} (leave the
 * browser out with {@code -Dgroups='critical & !browser'}) and gives it a {@link dev.greenlight.critical.browser.Browser}
 * parameter, with screenshots on failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserJourney {
}
