package im.tariff.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a request file, or stdin for "-". */
final class InputFiles {

    private InputFiles() {
    }

    static String readText(String file) {
        try {
            if ("-".equals(file)) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: file not found: " + file);
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot read " + file + ": " + e.getMessage());
        }
    }
}
