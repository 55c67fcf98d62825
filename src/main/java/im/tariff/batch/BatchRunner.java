package im.tariff.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.io.Json;
import im.tariff.io.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The streaming, parallel batch. One reader thread cuts the input into chunks of lines and hands each to a
 * worker pool; the calling thread writes the chunks' results strictly in input order. The queue of chunks
 * between reader and writer is bounded, so at most (window + 1) chunks are in memory whatever the input
 * size, and a slow writer slows the reader down instead of filling the heap.
 */
public final class BatchRunner {

    /** Lines a chunk holds at most: big enough to amortise hand-offs, small enough to keep workers busy. */
    public static final int DEFAULT_CHUNK_LINES = 512;
    /** Input bytes a chunk holds at most (unless one line is longer). */
    public static final int DEFAULT_CHUNK_BYTES = 512 * 1024;
    /** A line longer than this (a request's limit) is skipped unread and becomes an error record. */
    public static final int DEFAULT_MAX_LINE_BYTES = JsonInput.MAX_BYTES;

    private final int threads;
    private final int chunkLines;
    private final int chunkBytes;
    private final int maxLineBytes;
    private final int window;
    private final Supplier<? extends LineEvaluator> evaluators;

    /**
     * @param evaluators makes one evaluator per worker thread
     */
    public BatchRunner(int threads, int chunkLines, int chunkBytes, Supplier<? extends LineEvaluator> evaluators) {
        this(threads, chunkLines, chunkBytes, DEFAULT_MAX_LINE_BYTES, evaluators);
    }

    BatchRunner(int threads, int chunkLines, int chunkBytes, int maxLineBytes,
                Supplier<? extends LineEvaluator> evaluators) {
        if (threads < 1 || chunkLines < 1 || chunkBytes < 1 || maxLineBytes < 1) {
            throw new IllegalArgumentException("threads, chunk lines, chunk bytes and line bytes must be at least 1");
        }
        this.threads = threads;
        this.chunkLines = chunkLines;
        this.chunkBytes = chunkBytes;
        this.maxLineBytes = maxLineBytes;
        this.window = 4 * threads;
        this.evaluators = evaluators;
    }

    public BatchRunner(int threads, Supplier<? extends LineEvaluator> evaluators) {
        this(threads, DEFAULT_CHUNK_LINES, DEFAULT_CHUNK_BYTES, evaluators);
    }

    private record Result(byte[] bytes, int length, int lines, int bills, long inputBytes) {
    }

    private static final Future<Result> END = CompletableFuture.completedFuture(null);

    /** Reads every line of in and writes one result line per input line to out, in order; out is flushed, not closed. */
    public BatchSummary run(InputStream in, OutputStream out, ProgressListener progress) throws IOException {
        long started = System.nanoTime();
        AtomicInteger workerNo = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch-worker-" + workerNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<LineEvaluator> local = ThreadLocal.withInitial(evaluators::get);
        BlockingQueue<Future<Result>> pending = new ArrayBlockingQueue<>(window);
        Thread reader = new Thread(() -> readAll(in, workers, local, pending), "batch-reader");
        reader.setDaemon(true);
        reader.start();
        long lines = 0;
        long bills = 0;
        long bytesDone = 0;
        boolean ok = false;
        try {
            while (true) {
                Future<Result> f = pending.take();
                if (f == END) {
                    break;
                }
                Result r = await(f);
                out.write(r.bytes(), 0, r.length());
                lines += r.lines();
                bills += r.bills();
                bytesDone += r.inputBytes();
                progress.written(lines, bills, lines - bills, bytesDone, System.nanoTime() - started);
            }
            out.flush();
            ok = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch interrupted", e);
        } finally {
            if (!ok) {
                reader.interrupt(); // it may be blocked handing over a chunk nobody will write
            }
            workers.shutdownNow();
            progress.finished();
        }
        return new BatchSummary(lines, bills, lines - bills, System.nanoTime() - started);
    }

    private void readAll(InputStream in, ExecutorService workers, ThreadLocal<LineEvaluator> local,
                         BlockingQueue<Future<Result>> pending) {
        try {
            ChunkReader chunks = new ChunkReader(in, chunkLines, chunkBytes, maxLineBytes);
            Chunk c;
            while ((c = chunks.next()) != null) {
                Chunk chunk = c;
                pending.put(workers.submit(() -> evaluate(chunk, local.get())));
            }
            pending.put(END);
        } catch (InterruptedException e) {
            // the writer gave up; nothing more to do
        } catch (IOException | RuntimeException e) {
            // surfaces on the writer, after every chunk read before it
            try {
                pending.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException ignored) {
                // the writer gave up already
            }
        }
    }

    private Result evaluate(Chunk c, LineEvaluator evaluator) throws IOException {
        ByteSink sink = new ByteSink(c.data().length * 2 + 4096);
        int bills = 0;
        try (JsonGenerator g = Json.FACTORY.createGenerator(sink)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < c.count(); i++) {
                int start = c.starts()[i];
                long length = c.tooLong() > 0 ? c.tooLong() : c.ends()[i] - start;
                if (length > maxLineBytes) {
                    ErrorRecord.write(g, c.firstLine() + i, evaluator.tooLong(maxLineBytes, length), "$");
                } else if (evaluator.evaluate(c.firstLine() + i, c.data(), start, c.ends()[i] - start, g)) {
                    bills++;
                }
                g.writeRaw('\n');
            }
        }
        return new Result(sink.array(), sink.length(), c.count(), bills, c.bytes());
    }

    private static Result await(Future<Result> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException uio) {
                throw uio.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
