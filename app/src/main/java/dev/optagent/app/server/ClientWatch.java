package dev.optagent.app.server;

import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Interrupts the request's thread when its client goes away before the answer is sent, so a solve nobody waits
 * for any more does not start (or, if running, is interrupted; an engine inside native code ends at its time
 * limit). Disarmed on close, so a finished request is never interrupted by a later hang-up.
 */
final class ClientWatch implements AutoCloseable {

    private final AtomicBoolean armed = new AtomicBoolean(true);

    private ClientWatch() {
    }

    static ClientWatch of(HttpServerRequest request) {
        ClientWatch watch = new ClientWatch();
        if (request == null) return watch;
        Thread waiting = Thread.currentThread();
        request.response().closeHandler(ignored -> {
            if (watch.armed.getAndSet(false)) waiting.interrupt();
        });
        // a client that hung up while the body was read and checked is gone before the handler was set
        if (request.response().closed() && watch.armed.getAndSet(false)) waiting.interrupt();
        return watch;
    }

    @Override
    public void close() {
        armed.set(false);
        Thread.interrupted(); // a hang-up racing with the answer leaves no stray interrupt behind
    }
}
