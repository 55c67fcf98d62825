package im.tariff.compile;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * BUILD STEP, run by Maven after the classes are compiled (process-classes): compiles the bundled rules (the
 * classpath's rules/ and the library) to Drools' executable model and writes its classes and
 * {@link Precompiled#RESOURCE} into the given classes folder, so the jar carries them. Needs drools-model-codegen,
 * which the build has and the jar does not. Usage: PrecompileBundled CLASSES_DIR. Exit 1 when the rules do not
 * compile (the build then fails, as the tests would).
 */
public final class PrecompileBundled {

    private static final String MODEL_PROJECT = "org.drools.model.codegen.ExecutableModelProject";

    private PrecompileBundled() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long start = System.nanoTime();
        RuleSource source = RuleSource.bundled();
        LibraryUse use = LibraryUse.of(source);
        Map<String, String> kieFiles = RuleCompiler.kieFiles(source, use);
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("im.tariff", "bundled", "1.0.0");
        KieFileSystem kfs = RuleCompiler.fileSystem(ks, releaseId, kieFiles);
        Class<? extends KieBuilder.ProjectType> project =
                (Class<? extends KieBuilder.ProjectType>) Class.forName(MODEL_PROJECT);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(project);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            System.err.println("the bundled rules do not compile:");
            builder.getResults().getMessages(Message.Level.ERROR).forEach(m -> System.err.println("  " + m));
            System.exit(1);
        }
        // the generated classes, out of the module's jar image
        String model = null;
        int classes = 0;
        byte[] kjar = ((InternalKieModule) builder.getKieModule()).getBytes();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(kjar))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory() || !e.getName().endsWith(".class")) {
                    continue;
                }
                Path target = out.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.write(target, zip.readAllBytes());
                classes++;
                if (e.getName().startsWith("org/drools/project/model/ProjectModel")) {
                    model = e.getName().substring(0, e.getName().length() - ".class".length()).replace('/', '.');
                }
            }
        }
        if (model == null) {
            System.err.println("the executable model has no project model class");
            System.exit(1);
        }
        Properties p = new Properties();
        p.setProperty(Precompiled.FINGERPRINT, Precompiled.fingerprint(kieFiles));
        p.setProperty(Precompiled.MODEL, model);
        Path stamp = out.resolve(Precompiled.RESOURCE);
        Files.createDirectories(stamp.getParent());
        try (OutputStream o = Files.newOutputStream(stamp)) {
            p.store(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8), "the bundled rules, compiled at build time");
        }
        System.out.printf("precompiled the bundled rules: %d classes in %d ms%n", classes,
                (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }
}
