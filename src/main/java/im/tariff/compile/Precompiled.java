package im.tariff.compile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModuleModel;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rules as the build compiled them: Drools' executable model of exactly the files the compiler would
 * be given for them ({@link RuleCompiler#kieFiles}), its classes in the jar beside a fingerprint of those files.
 * A rule set whose files have that fingerprint is loaded from the classes instead of being compiled again (a cold
 * start saves the DRL and Java compilers' work); any other rule set, or any doubt, is compiled as always. Made by
 * {@link PrecompileBundled} when the jar is built.
 */
final class Precompiled {

    private static final Logger LOG = LoggerFactory.getLogger(Precompiled.class);
    /** Where the build leaves the fingerprint and the name of the model's class. */
    static final String RESOURCE = "im/tariff/precompiled/bundled.properties";
    static final String FINGERPRINT = "fingerprint";
    static final String MODEL = "model";

    private static volatile Properties stamp;

    private Precompiled() {
    }

    /** The knowledge base of these files as the build compiled them, or null when the build compiled others. */
    static KieBase kieBase(Map<String, String> kieFiles, KieBaseConfiguration conf) {
        Properties p = stamp();
        if (p.isEmpty() || !fingerprint(kieFiles).equals(p.getProperty(FINGERPRINT))) {
            return null;
        }
        try {
            Object model = Class.forName(p.getProperty(MODEL), true, Precompiled.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            List<Model> models = ((CanonicalKieModuleModel) model).getModels();
            return KieBaseBuilder.createKieBaseFromModel(models, conf);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // plain words for whoever reads the log; the cause for whoever debugs it
            LOG.warn("the bundled rules could not be loaded as the build compiled them; compiling them from their text");
            LOG.debug("why the precompiled rules could not be loaded", e);
            return null;
        }
    }

    private static Properties stamp() {
        Properties p = stamp;
        if (p == null) {
            p = new Properties();
            try (InputStream in = Precompiled.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                p = new Properties();
            }
            stamp = p;
        }
        return p;
    }

    /** SHA-256 of every path and text the compiler is given, in order (the jar's Drools made the classes). */
    static String fingerprint(Map<String, String> kieFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> f : kieFiles.entrySet()) {
                sha.update((byte) 0);
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
