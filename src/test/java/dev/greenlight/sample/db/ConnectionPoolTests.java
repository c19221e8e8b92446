package dev.greenlight.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The connection pool opens lazily, queues fairly and fails like the Prisma it imitates")
class ConnectionPoolTests {

    private final AtomicInteger opened = new AtomicInteger();

    private Connection fakeConnection() {
        opened.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
    }

    @Test
    void shouldOpenConnectionsLazilyAndReuseReturnedOnes() throws Exception {
        ConnectionPool pool = new ConnectionPool(3, null, this::fakeConnection);
        assertThat(pool.total()).as("nothing opened up front").isZero();

        Connection first = pool.acquire();
        pool.release(first);
        Connection again = pool.acquire();

        assertThat(again).isSameAs(first);
        assertThat(opened).hasValue(1);
        assertThat(pool.total()).isEqualTo(1);
        assertThat(pool.idle()).isZero();
    }

    @Test
    void shouldFailWithP2024WhenTheWaitLimitPasses() throws Exception {
        ConnectionPool pool = new ConnectionPool(1, Duration.ofMillis(50), this::fakeConnection);
        pool.acquire();

        assertThatThrownBy(pool::acquire).isInstanceOfSatisfying(PrismaException.class, e -> {
            assertThat(e.code()).isEqualTo("P2024");
            assertThat(e.getMessage()).contains("Timed out fetching a new connection from the connection pool",
                    "connection limit: 1");
        });
        assertThat(pool.waiting()).isZero();
    }

    @Test
    void shouldCountOnlyQueuedRequestsAsWaitingAndServeThemWhenAConnectionReturns() throws Exception {
        ConnectionPool pool = new ConnectionPool(1, null, this::fakeConnection);
        Connection held = pool.acquire();
        assertThat(pool.waiting()).as("an immediate checkout never waits").isZero();

        CompletableFuture<Connection> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.acquire();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> pool.waiting() == 1);
        pool.release(held);
        assertThat(queued.get()).isSameAs(held);
        assertThat(pool.waiting()).isZero();
    }
}
