package dev.greenlight.critical.browser;

import dev.greenlight.config.Durations;
import dev.greenlight.config.Masker;
import io.qameta.allure.Allure;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One browser session for journeys, driven through page objects: opens the application's pages, waits
 * explicitly (never sleeps) for named {@link Locator}s, and records evidence — a screenshot at the end of each
 * {@link #step journey step}, and screenshot, URL and page source when a journey fails. Owned by
 * {@link BrowserExtension}; closing quits the browser and removes its throw-away profile.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String appUrl;
    private final Duration waitTimeout;
    private final Masker masker;
    private final Runnable afterQuit;
    private final List<StepTiming> timings = new ArrayList<>();

    /** How long one journey step took, for the evidence. */
    public record StepTiming(String step, double millis) {
    }

    Browser(WebDriver driver, String appUrl, Duration waitTimeout, Masker masker, Runnable afterQuit) {
        this.driver = driver;
        this.appUrl = appUrl;
        this.waitTimeout = waitTimeout;
        this.masker = masker;
        this.afterQuit = afterQuit;
    }

    /** Runs a meaningful journey step as an Allure step, then attaches a screenshot of where it left the page. */
    public void step(String name, Runnable action) {
        step(name, () -> {
            action.run();
            return null;
        });
    }

    /** As {@link #step(String, Runnable)}, returning what the step produced (usually the next page object). */
    public <T> T step(String name, Supplier<T> action) {
        return Allure.step(name, () -> {
            long started = System.nanoTime();
            T result = action.get();
            synchronized (timings) {
                timings.add(new StepTiming(name, (System.nanoTime() - started) / 1e6));
            }
            screenshot("after: " + name);
            return result;
        });
    }

    /** Opens a path of the application, e.g. {@code /signup}. */
    public void open(String path) {
        driver.get(appUrl + path);
    }

    /** Waits until the element is visible and returns it. */
    public WebElement await(Locator locator) {
        try {
            return new WebDriverWait(driver, waitTimeout).until(ExpectedConditions.visibilityOfElementLocated(locator.by()));
        } catch (TimeoutException e) {
            throw new PageNotAsExpected(locator.name() + " did not appear within " + Durations.format(waitTimeout) + " " + where());
        }
    }

    /**
     * Waits until either {@code expected} or {@code problem} is visible; returns true for {@code expected}. Lets a
     * page object stop at once on an error page instead of waiting out the timeout.
     */
    public boolean awaitEither(Locator expected, Locator problem) {
        try {
            new WebDriverWait(driver, waitTimeout).until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(expected.by()),
                    ExpectedConditions.visibilityOfElementLocated(problem.by())));
        } catch (TimeoutException e) {
            throw new PageNotAsExpected("neither " + expected.name() + " nor " + problem.name() + " appeared within "
                    + Durations.format(waitTimeout) + " " + where());
        }
        return !driver.findElements(expected.by()).isEmpty() && driver.findElements(expected.by()).get(0).isDisplayed();
    }

    /** Visible text of every element the locator matches now (possibly none); no waiting. */
    public List<String> texts(Locator locator) {
        return driver.findElements(locator.by()).stream().map(WebElement::getText).toList();
    }

    /** An attribute of every element the locator matches now. */
    public List<String> attributes(Locator locator, String attribute) {
        return driver.findElements(locator.by()).stream().map(e -> e.getDomAttribute(attribute)).toList();
    }

    /** Clears the field and types into it. */
    public void type(Locator field, String text) {
        WebElement element = await(field);
        element.clear();
        element.sendKeys(text);
    }

    public void click(Locator target) {
        new WebDriverWait(driver, waitTimeout).until(ExpectedConditions.elementToBeClickable(await(target))).click();
    }

    /**
     * Clicks something that loads another page (a submit button, a link) and waits until the old page is gone, so
     * what is read next comes from the new page.
     */
    public void clickToLeave(Locator target) {
        WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        click(target);
        try {
            new WebDriverWait(driver, waitTimeout).until(ExpectedConditions.stalenessOf(page));
        } catch (TimeoutException e) {
            throw new PageNotAsExpected("clicking " + target.name() + " did not lead anywhere within " + Durations.format(waitTimeout) + " " + where());
        }
    }

    /** The address now shown, relative to the application ({@code /p/12}). */
    public String path() {
        String url = driver.getCurrentUrl();
        return url != null && url.startsWith(appUrl) ? url.substring(appUrl.length()) : String.valueOf(url);
    }

    public String title() {
        return driver.getTitle();
    }

    /** Attaches a PNG of the page as it is now; a browser that cannot take one is noted, not fatal. */
    public void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Allure.addAttachment("screenshot · " + name, "image/png", new ByteArrayInputStream(png), "png");
        } catch (WebDriverException | ClassCastException e) {
            Allure.addAttachment("screenshot · " + name + " (failed)", masker.mask(String.valueOf(e.getMessage())));
        }
    }

    /** What a reviewer needs to see why a journey failed: the page, its address and its HTML. */
    public void attachFailureEvidence() {
        screenshot("at failure");
        try {
            Allure.addAttachment("page at failure · " + masker.mask(driver.getCurrentUrl()), "text/html",
                    new ByteArrayInputStream(masker.mask(driver.getPageSource()).getBytes(StandardCharsets.UTF_8)), "html");
        } catch (WebDriverException e) {
            Allure.addAttachment("page at failure (unavailable)", masker.mask(String.valueOf(e.getMessage())));
        }
    }

    /** The step timings recorded since the last call. */
    public List<StepTiming> takeTimings() {
        synchronized (timings) {
            List<StepTiming> taken = List.copyOf(timings);
            timings.clear();
            return taken;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    private String where() {
        try {
            return "on " + masker.mask(driver.getCurrentUrl()) + " (page title: '" + driver.getTitle() + "')";
        } catch (WebDriverException e) {
            return "(the browser no longer answers: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** Quits the browser, then removes what it leaves on disk. */
    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // already gone; nothing to stop
        } finally {
            afterQuit.run();
        }
    }
}
