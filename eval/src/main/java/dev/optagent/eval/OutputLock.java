package dev.optagent.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a run's output directory ({@code .lock}, taken with {@link FileChannel#tryLock()}),
 * so two runs never append the same problems to one {@code results.jsonl}. The operating system drops the
 * lock when the holder dies, even by kill -9, so a stale file never blocks the next run; the file's text
 * (pid, command, start time) is only there to name the holder to whoever is refused.
 */
public final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws EvalException naming the running process when another run holds the directory */
    public static OutputLock acquire(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(".lock");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException inThisProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new EvalException("the output directory " + directory + " is in use by another eval run ("
                        + (holder.isEmpty() ? "process unknown" : holder) + "); wait for it to finish or choose another --out");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ", "
                    + ProcessHandle.current().info().commandLine().map(c -> c.length() > 200 ? c.substring(0, 200) + "..." : c)
                    .orElse(ManagementFactory.getRuntimeMXBean().getName());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new OutputLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel in any case
        }
    }
}
