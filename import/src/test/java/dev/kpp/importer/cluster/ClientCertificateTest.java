package dev.kpp.importer.cluster;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.model.scenario.ScenarioParams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TLS API server with its own CA that requires client certificates: a client-certificate user
 * connects with TLS verified against the kubeconfig's CA; without the certificate, or without the
 * CA, the import fails with a TLS error.
 */
class ClientCertificateTest {
    @TempDir
    Path dir;

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String cn, KeyPair subject, X509Certificate issuer, PrivateKey issuerKey,
                                        boolean ca) throws Exception {
        long now = System.currentTimeMillis();
        X500Name issuerName = issuer == null ? new X500Name("CN=" + cn) : new X500Name(issuer.getSubjectX500Principal()
                .getName());
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(now),
                new Date(now - 60_000), new Date(now + 86_400_000L), new X500Name("CN=" + cn), subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKey == null ? subject.getPrivate() : issuerKey)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aClientCertificateUserConnectsWithTlsVerifiedAgainstTheKubeconfigsCa() throws Exception {
        KeyPair caKeys = keys();
        X509Certificate ca = sign("kpp-test-ca", caKeys, null, null, true);
        KeyPair serverKeys = keys();
        X509Certificate serverCert = sign("localhost", serverKeys, ca, caKeys.getPrivate(), false);
        KeyPair clientKeys = keys();
        X509Certificate clientCert = sign("jane", clientKeys, ca, caKeys.getPrivate(), false);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", serverKeys.getPrivate(), "pw".toCharArray(), new Certificate[] {serverCert, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        HttpsConfigurator tls = new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = ssl.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        };

        Path dump = TestClusters.dump(dir, ScenarioParams.defaults().withServices(40).withEndpointsPerService(2)
                .withNodes(2));
        try (MiniApiServer server = MiniApiServer.startTls(tls); InputStream in = Files.newInputStream(dump)) {
            server.loadDump(in);
            String caData = "certificate-authority-data: " + b64(pem("CERTIFICATE", ca.getEncoded()));
            String user = "    client-certificate-data: " + b64(pem("CERTIFICATE", clientCert.getEncoded())) + "\n"
                    + "    client-key-data: " + b64(pem("PRIVATE KEY", clientKeys.getPrivate().getEncoded())) + "\n";
            Path kc = TestClusters.kubeconfig(dir, "cert", server.url(), caData, user);
            ImportResult r = new ClusterImporter(TestClusters.fast()).importInventory(TestClusters.request(kc, 500),
                    new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(r.errors()).isEmpty();
            assertThat(r.inventory().services()).hasSize(40);
            assertThat(server.requests()).isNotEmpty().allSatisfy(q -> assertThat(q.authorization()).isNull());

            Path noCert = TestClusters.kubeconfig(dir, "nocert", server.url(), caData, "    token: abc\n");
            ImportResult refused = new ClusterImporter(TestClusters.fast()).importInventory(
                    TestClusters.request(noCert, 500), new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(refused.errors()).isNotEmpty();
            // TLS 1.3: the server checks the client certificate after the handshake and closes
            assertThat(refused.errors().get(0).code()).isIn(ClusterProblems.TLS_FAILURE,
                    ClusterProblems.CONNECTION_LOST);
            assertThat(refused.errors().get(0).detail()).contains("client certificate");

            Path noCa = TestClusters.kubeconfig(dir, "noca", server.url(), "", user);
            ImportResult untrusted = new ClusterImporter(TestClusters.fast()).importInventory(
                    TestClusters.request(noCa, 500), new TestClusters.Recorder(), Cancellation.NEVER);
            assertThat(untrusted.errors().get(0).code()).isEqualTo(ClusterProblems.TLS_FAILURE);
            assertThat(untrusted.errors().get(0).detail()).contains("PKIX");
        }
    }
}
