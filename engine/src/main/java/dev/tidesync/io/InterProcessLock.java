package dev.tidesync.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock shared by every Tidesync process and thread: an OS file lock (released by the OS when
 * a process dies, so it can never go stale) plus an in-JVM lock, because the OS lock is held
 * per process and would not keep two threads of one engine apart.
 */
public final class InterProcessLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_START_MS = 20;
    private static final long POLL_MAX_MS = 500;

    private InterProcessLock() {}

    /** A held lock; closing releases it. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock threadLock;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
            this.threadLock = threadLock;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() throws IOException {
            try {
                fileLock.release();
                channel.close();
            } finally {
                threadLock.unlock();
            }
        }
    }

    /**
     * Waits up to {@code wait} for the lock. The wait polls with a doubling pause capped at
     * half a second: FileChannel offers no timed lock, and the pause keeps a waiting CLI calm.
     */
    public static Optional<Held> acquire(Path lockFile, Duration wait) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        boolean handedOver = false;
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long pause = POLL_START_MS;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    handedOver = true;
                    return Optional.of(new Held(threadLock, channel, lock));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    channel.close();
                    return Optional.empty();
                }
                try {
                    Thread.sleep(Math.min(pause, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    channel.close();
                    return Optional.empty();
                }
                pause = Math.min(pause * 2, POLL_MAX_MS);
            }
        } finally {
            if (!handedOver) {
                threadLock.unlock();
            }
        }
    }
}
