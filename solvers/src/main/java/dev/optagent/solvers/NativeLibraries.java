package dev.optagent.solvers;

import com.google.ortools.Loader;

/** Loads the OR-Tools native libraries once per process. */
public final class NativeLibraries {

    private static volatile boolean loaded;

    private NativeLibraries() {
    }

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (NativeLibraries.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
