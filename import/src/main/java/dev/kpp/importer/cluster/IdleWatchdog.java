package dev.kpp.importer.cluster;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends response bodies that stop sending bytes: every watched stream that read nothing for the idle
 * limit is closed and its reading thread interrupted, so a stalled server costs at most that limit
 * per attempt. One daemon thread per import.
 */
final class IdleWatchdog implements AutoCloseable {
    private final long idleNanos;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    IdleWatchdog(java.time.Duration idle) {
        this.idleNanos = idle.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kpp-cluster-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(20, Math.min(250, idle.toMillis() / 4));
        timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** @return the stream, watched; closing it stops the watch */
    Watched watch(InputStream in) {
        Watched w = new Watched(in, Thread.currentThread());
        open.add(w);
        return w;
    }

    /** Closes every open stream (cancel). */
    void abortAll() {
        for (Watched w : open) {
            w.abort(false);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Watched w : open) {
            if (now - w.lastRead > idleNanos) {
                w.abort(true);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A body whose reads are timed. */
    final class Watched extends FilterInputStream {
        private final Thread reader;
        private volatile long lastRead = System.nanoTime();
        private volatile boolean timedOut;
        private volatile boolean aborted;
        private boolean eof;
        private long bytes;

        private Watched(InputStream in, Thread reader) {
            super(in);
            this.reader = reader;
        }

        /** @return true when the body was ended for being idle */
        boolean timedOut() {
            return timedOut;
        }

        /** @return bytes read */
        long bytes() {
            return bytes;
        }

        private void abort(boolean idle) {
            if (aborted) {
                return;
            }
            aborted = true;
            timedOut = idle;
            open.remove(this);
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // closing a stream that failed
            }
            reader.interrupt();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            lastRead = System.nanoTime();
            if (b >= 0) {
                bytes++;
            } else {
                eof = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            lastRead = System.nanoTime();
            if (n > 0) {
                bytes += n;
            } else if (n < 0) {
                eof = true;
            }
            return n;
        }

        /**
         * Reads what is left of a body whose content was parsed (normally nothing but the end), so
         * that the connection is handed back intact rather than reset.
         */
        void drain(long max) throws IOException {
            byte[] skip = new byte[8192];
            long left = max;
            while (!eof && left > 0) {
                int n = read(skip, 0, (int) Math.min(skip.length, left));
                if (n > 0) {
                    left -= n;
                }
            }
        }

        @Override
        public void close() throws IOException {
            open.remove(this);
            aborted = true;
            try {
                if (!eof) {
                    // ends the response early: fabric8 resets the request (and so the connection)
                    in.close();
                }
            } finally {
                // an interrupt meant for this body must not hit the next request
                if (timedOut || Thread.currentThread() == reader) {
                    Thread.interrupted();
                }
            }
        }
    }
}
