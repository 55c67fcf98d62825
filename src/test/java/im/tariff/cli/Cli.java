package im.tariff.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** Runs the tariff command line in tests: in this JVM with stderr captured, or as a real process. */
final class Cli {

    /** Exit status and captured output of one run (out is empty for in-process runs: see {@link #run}). */
    record Result(int status, String out, String err) {
    }

    private Cli() {
    }

    /**
     * In this JVM, through the same picocli set-up as main, with stderr captured. Commands print results on
     * the process's own stdout (Console.OUT), which is not captured here; use {@link #process} for that.
     */
    static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cmd = TariffCli.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Result(status, "", err.toString());
    }

    /** As a separate java process running TariffCli.main, so stdout, stderr and System.exit are all real. */
    static Result process(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
                "-cp", classpath, TariffCli.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tariff-out", ".txt");
        Path err = Files.createTempFile("tariff-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tariff " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Writes text to a temp file and returns its path. */
    static String file(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f.toString();
    }

}
