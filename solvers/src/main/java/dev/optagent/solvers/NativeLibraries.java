package dev.optagent.solvers;

import com.google.ortools.Loader;

import java.util.concurrent.CompletableFuture;

/**
 * Loads the OR-Tools native libraries once per process. The load (extracting the libraries, then
 * {@code System.load}) runs on a thread of its own and is waited for without giving way to interrupts: a caller
 * interrupted half-way (a server request whose client hung up) would otherwise break the extraction and leave the
 * process with natives that fail every later solve with {@code UnsatisfiedLinkError}.
 */
public final class NativeLibraries {

    private static volatile boolean loaded;

    private NativeLibraries() {
    }

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (NativeLibraries.class) {
                if (!loaded) {
                    CompletableFuture<Void> load = new CompletableFuture<>();
                    Thread loader = new Thread(() -> {
                        try {
                            Loader.loadNativeLibraries();
                            load.complete(null);
                        } catch (Throwable e) {
                            load.completeExceptionally(e);
                        }
                    }, "ortools-native-load");
                    loader.setDaemon(true);
                    loader.start();
                    boolean interrupted = false;
                    while (true) {
                        try {
                            load.get();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true; // finish loading first; the interrupt is passed on below
                        } catch (java.util.concurrent.ExecutionException e) {
                            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                            if (e.getCause() instanceof Error error) throw error;
                            throw new IllegalStateException("cannot load the OR-Tools native libraries: " + e.getCause().getMessage(), e.getCause());
                        }
                    }
                    loaded = true;
                    if (interrupted) Thread.currentThread().interrupt();
                }
            }
        }
    }
}
