import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a JKS truststore like Debian's ca-certificates-java (password "changeit", aliases
 * "debian:NAME.pem") from PEM certificate files, byte for byte reproducible: entries sorted
 * by alias and dated 1970-01-01, which KeyStore.store() cannot do (it stamps "now").
 * Usage: java MakeTruststore.java OUT.jks CERT.crt...
 */
public class MakeTruststore {
    private static final char[] PASSWORD = "changeit".toCharArray();

    public static void main(String[] args) throws Exception {
        Map<String, Certificate> certs = readCertificates(args);
        byte[] jks = encodeJks(certs);
        // Self-check: the JDK must read it back, integrity digest included.
        KeyStore check = KeyStore.getInstance("JKS");
        check.load(new java.io.ByteArrayInputStream(jks), PASSWORD);
        if (check.size() != certs.size()) {
            throw new IllegalStateException("truststore reads back " + check.size() + " entries");
        }
        Files.write(Paths.get(args[0]), jks);
        System.out.println(certs.size() + " certificates written to " + args[0]);
    }

    private static Map<String, Certificate> readCertificates(String[] args) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        Map<String, Certificate> certs = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            Path file = Paths.get(args[i]);
            String base = file.getFileName().toString().replaceAll("\\.crt$", "");
            try (InputStream in = Files.newInputStream(file)) {
                int n = 0;
                for (Certificate cert : x509.generateCertificates(in)) {
                    String alias = "debian:" + base + (n++ == 0 ? "" : "-" + n) + ".pem";
                    certs.put(alias.toLowerCase(Locale.ROOT), cert);
                }
            }
        }
        if (certs.isEmpty()) {
            throw new IllegalStateException("no certificates given");
        }
        return certs;
    }

    /** The JKS format as sun.security.provider.JavaKeyStore writes it (version 2). */
    private static byte[] encodeJks(Map<String, Certificate> certs) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xFEEDFEED);
        out.writeInt(2);
        out.writeInt(certs.size());
        for (Map.Entry<String, Certificate> e : certs.entrySet()) {
            byte[] der = e.getValue().getEncoded();
            out.writeInt(2); // trusted certificate entry
            out.writeUTF(e.getKey());
            out.writeLong(0L); // creation date
            out.writeUTF(e.getValue().getType());
            out.writeInt(der.length);
            out.write(der);
        }
        out.flush();
        // Integrity: SHA-1 over password (UTF-16BE), "Mighty Aphrodite", then the data.
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (char c : PASSWORD) {
            sha1.update((byte) (c >> 8));
            sha1.update((byte) c);
        }
        sha1.update("Mighty Aphrodite".getBytes(StandardCharsets.UTF_8));
        sha1.update(bytes.toByteArray());
        out.write(sha1.digest());
        out.flush();
        return bytes.toByteArray();
    }
}
