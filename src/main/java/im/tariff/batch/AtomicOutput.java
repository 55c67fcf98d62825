package im.tariff.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file that appears under its name only when complete. Results go to NAME.partial; {@link #commit}
 * forces it to disk and renames it to NAME atomically. A run that fails removes NAME.partial; a run that is
 * killed leaves NAME.partial, never NAME. An older NAME is removed when the run starts, so that a stale file
 * is never mistaken for this run's result.
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private AtomicOutput(Path target) throws IOException {
        this.target = target;
        this.partial = partialOf(target);
        Files.deleteIfExists(target);
        this.channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
    }

    public static AtomicOutput open(Path target) throws IOException {
        return new AtomicOutput(target);
    }

    /** Where the results are written until the run is complete. */
    public static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    public OutputStream stream() {
        return stream;
    }

    /** Flushes, syncs and renames NAME.partial to NAME. */
    public void commit() throws IOException {
        stream.flush();
        channel.force(true);
        channel.close();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Without a commit: closes and removes NAME.partial. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
