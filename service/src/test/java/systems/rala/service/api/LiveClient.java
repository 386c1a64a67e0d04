package systems.rala.service.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A live-view client as a browser would be one: the JDK's WebSocket, the access token sent as the subprotocols
 * {@code bearer, <token>}, an {@code Origin} when given. Collects the text frames it receives as JSON.
 */
final class LiveClient implements AutoCloseable {

    /** How a handshake ended: the session, or the HTTP status of the refusal. */
    record Outcome(LiveClient client, int refusedWith) {}

    /** How the server closed the session. */
    record Closed(int code, String reason) {}

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private LiveClient() {}

    /** Connects to {@code /api/v1/facilities/{facility}/live}; {@code token} or {@code origin} may be null. */
    static Outcome connect(int port, Object facility, String token, String origin) {
        LiveClient c = new LiveClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            b.subprotocols("bearer", token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        try {
            c.socket = b.buildAsync(
                            URI.create("ws://127.0.0.1:" + port + "/api/v1/facilities/" + facility + "/live"),
                            c.listener())
                    .get(10, TimeUnit.SECONDS);
            return new Outcome(c, 0);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return new Outcome(null, h.getResponse().statusCode());
            }
            throw new IllegalStateException("live connection failed", e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("live connection failed", e);
        }
    }

    /** Connects and expects to be admitted. */
    static LiveClient open(int port, Object facility, String token) {
        Outcome o = connect(port, facility, token, null);
        if (o.client() == null) {
            throw new AssertionError("live handshake refused with " + o.refusedWith());
        }
        return o.client();
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(Api.JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(new Closed(-1, String.valueOf(error)));
            }
        };
    }

    /** The subprotocol the server chose. */
    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The next frame that satisfies {@code wanted} within {@code seconds}, skipping others; fails otherwise. */
    JsonNode next(String what, Predicate<JsonNode> wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("no live frame within " + seconds + " s: " + what);
            }
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    /** The next frame of a type within 20 s. */
    JsonNode next(String type) throws InterruptedException {
        return next(type, f -> type.equals(f.path("type").asString()), 20);
    }

    /** How the server closed the session, waiting up to {@code seconds}. */
    Closed closed(int seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
