package dev.kpp.importer.cluster;

import io.fabric8.kubernetes.client.http.AsyncBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body as a blocking stream, fed by fabric8's asynchronous body: the network side reads
 * ahead up to a bound while the parser works, and reads copy whole buffers (fabric8's own channel
 * copies byte by byte, which took most of a large import's CPU). Closing it before the end cancels
 * the response.
 */
final class BodyStream extends InputStream implements AsyncBody.Consumer<List<ByteBuffer>> {
    /** Read-ahead bound. */
    private static final long HIGH = 4L << 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition more = lock.newCondition();
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queued;
    private boolean done;
    private boolean closed;
    private boolean outstanding;
    private Throwable failed;
    private AsyncBody body;

    @Override
    public void consume(List<ByteBuffer> value, AsyncBody asyncBody) {
        boolean ask;
        lock.lock();
        try {
            body = asyncBody;
            for (ByteBuffer b : value) {
                if (b.hasRemaining()) {
                    queue.add(b);
                    queued += b.remaining();
                }
            }
            outstanding = false;
            ask = !closed && queued < HIGH;
            if (ask) {
                outstanding = true;
            }
            more.signalAll();
        } finally {
            lock.unlock();
        }
        if (ask) {
            asyncBody.consume();
        }
    }

    /** Starts reading the body of a response. */
    void attach(AsyncBody b) {
        lock.lock();
        try {
            body = b;
            outstanding = true;
        } finally {
            lock.unlock();
        }
        b.done().whenComplete((v, t) -> {
            lock.lock();
            try {
                done = true;
                if (t != null && !(t instanceof java.util.concurrent.CancellationException)) {
                    failed = t;
                }
                more.signalAll();
            } finally {
                lock.unlock();
            }
        });
        b.consume();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        boolean ask = false;
        int n = 0;
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    throw new IOException("the response body was closed");
                }
                if (failed != null) {
                    throw new IOException(failed.getMessage() == null ? failed.getClass().getSimpleName()
                            : failed.getMessage(), failed);
                }
                if (done) {
                    return -1;
                }
                try {
                    more.await();
                } catch (InterruptedException e) {
                    closed = true;
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the response");
                }
            }
            while (n < len && !queue.isEmpty()) {
                ByteBuffer head = queue.peek();
                int k = Math.min(len - n, head.remaining());
                head.get(b, off + n, k);
                n += k;
                if (!head.hasRemaining()) {
                    queue.poll();
                }
            }
            queued -= n;
            if (!outstanding && !done && !closed && queued < HIGH && body != null) {
                outstanding = true;
                ask = true;
            }
        } finally {
            lock.unlock();
        }
        if (ask) {
            body.consume();
        }
        return n;
    }

    @Override
    public void close() {
        AsyncBody b;
        boolean cancel;
        lock.lock();
        try {
            cancel = !done && !closed;
            closed = true;
            queue.clear();
            b = body;
            more.signalAll();
        } finally {
            lock.unlock();
        }
        if (cancel && b != null) {
            b.cancel();
        }
    }
}
