package dev.greenlight.probes;

import dev.greenlight.config.ProbesConfig;
import dev.greenlight.config.RollbackConfig;
import dev.greenlight.rollback.StepResult;
import dev.greenlight.rollback.StepRunner;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The database unreachable for a few seconds, caused the way the target file says (a command, or a request such as the
 * sample app's guarded fault switch), with requests spread over it: each must end within the bound — an error is fine, a
 * hang is not (node-postgres has no connect or query timeout unless one is set) — and the application must answer again
 * once the database is back.
 */
public final class Outage {

    /**
     * What happened.
     *
     * @param during    the requests sent while the database was away
     * @param recovered whether the application answered 200 again within the bound after the outage
     * @param actions   what the start and end actions did, for the report
     */
    public record Result(Burst.Result during, boolean recovered, List<String> actions) {
    }

    private Outage() {
    }

    /** Causes the outage, sends the requests, ends it, and waits for every answer and for recovery. */
    public static Result run(ProbesConfig.DbOutage outage, ProbeHttp http, String path, StepRunner runner) {
        List<String> actions = new ArrayList<>();
        actions.add("start: " + act(outage.start(), http, runner));
        Burst.Result during;
        try {
            CompletableFuture<Burst.Result> requests = CompletableFuture.supplyAsync(() ->
                    Burst.fire(http, path, outage.requests(), outage.duration().minus(outage.bound()).isNegative()
                            ? outage.duration() : outage.duration().minus(outage.bound()), outage.duration().plus(outage.bound()).plusSeconds(5)));
            // the outage lasts its duration whatever the requests do; a wait that ends when they all have is not one
            await().pollDelay(outage.duration()).atMost(outage.duration().plusSeconds(1)).until(() -> true);
            actions.add("end: " + act(outage.end(), http, runner));
            during = requests.get(outage.duration().plus(outage.bound()).plusSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the outage probe", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the outage probe's requests did not end: " + e, e);
        } finally {
            if (actions.size() == 1) {
                actions.add("end (after a failure): " + act(outage.end(), http, runner));
            }
        }
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        boolean recovered;
        try {
            await().atMost(outage.bound().plusSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<String> answer = http.getAsync(path, outage.bound()).get(outage.bound().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
                last.set(String.valueOf(answer.statusCode()));
                return answer.statusCode() == 200;
            });
            recovered = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            recovered = false;
        }
        actions.add("after: GET " + path + " answered " + last.get());
        return new Result(during, recovered, actions);
    }

    private static String act(ProbesConfig.Action action, ProbeHttp http, StepRunner runner) {
        if (!action.command().isEmpty()) {
            StepResult result = runner.run(new RollbackConfig.Step("database outage", action.command(), action.timeout(), null), Map.of());
            if (!result.ok()) {
                throw new IllegalStateException("the outage command did not succeed: " + result.summary() + " " + result.output().strip());
            }
            return result.summary();
        }
        try {
            HttpResponse<String> answer = http.send(action.request(), action.timeout());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(http.describe(action.request()) + " answered " + answer.statusCode() + ": " + http.masker().mask(answer.body()));
            }
            return http.describe(action.request()) + " → " + answer.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(http.describe(action.request()) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
