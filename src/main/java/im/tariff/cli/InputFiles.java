package im.tariff.cli;

import im.tariff.io.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a request file, or stdin for "-". */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * The bytes of one request, undecoded (the reader decodes them under its one policy). More than
     * {@link JsonInput#MAX_BYTES} is refused as the batch and the service refuse it, without keeping it.
     */
    static byte[] readRequest(String file) {
        byte[] bytes = readBytes(file, JsonInput.MAX_BYTES + 1);
        if (bytes.length > JsonInput.MAX_BYTES) {
            long size = bytes.length + rest(file);
            throw new CliExit(ExitCodes.BAD_INPUT, "error: " + JsonInput.tooLarge(JsonInput.MAX_BYTES, size).getMessage());
        }
        return bytes;
    }

    private static byte[] readBytes(String file, int max) {
        try (InputStream in = open(file)) {
            return in.readNBytes(max);
        } catch (NoSuchFileException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: file not found: " + file);
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** How many bytes follow the first MAX_BYTES + 1 (read and dropped for stdin). */
    private static long rest(String file) {
        try {
            if (!"-".equals(file)) {
                return Files.size(Path.of(file)) - (JsonInput.MAX_BYTES + 1);
            }
            long n = 0;
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = System.in.read(buf)) > 0) {
                n += r;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    private static InputStream open(String file) throws IOException {
        return "-".equals(file) ? System.in : Files.newInputStream(Path.of(file));
    }
}
