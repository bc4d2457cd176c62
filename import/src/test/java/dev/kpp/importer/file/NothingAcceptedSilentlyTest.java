package dev.kpp.importer.file;

import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.ImportProblem;
import dev.kpp.importer.spi.ImportResult;
import dev.kpp.importer.spi.ObservedMetrics;
import dev.kpp.importer.spi.RuleDumpSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each case the bad-input battery found accepted without a word now gives a problem with the file,
 * a location (line:column or JSON path) and what was expected; values kube-proxy would reject are
 * skipped.
 */
class NothingAcceptedSilentlyTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<ImportProblem> all(ImportResult r, String code) {
        return r.problems().stream().filter(p -> p.code().equals(code)).toList();
    }

    private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  capacity: "
            + "{cpu: \"8\", memory: 32Gi}\n  nodeInfo: {kernelVersion: 6.1.0, kubeletVersion: v1.30.2}\n---\n";

    @Test
    void aSpecThatIsAStringSkipsTheServiceSayingWhatWasExpected() throws IOException {
        Path f = write("oops.yaml", NODE + "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                + "spec: \"oops\"\n");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "invalid-object");
        assertThat(p.location()).isEqualTo("8:1");
        assertThat(p.detail()).isEqualTo("document 2: $ (Service shop/web): spec: expected an object, found the "
                + "string \"oops\"; skipped");
        assertThat(r.inventory().services()).isEmpty();
    }

    @Test
    void aYamlMergeKeyIsReportedWithItsPath() throws IOException {
        Path f = write("merge.yaml", NODE + "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                + "base: &base\n  clusterIP: 10.0.0.1\n  ports: [{port: 80}]\nspec:\n  <<: *base\n  type: ClusterIP\n");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "yaml-merge-key");
        assertThat(p.location()).isEqualTo("15:3");
        assertThat(p.detail()).startsWith("document 2: $.spec['<<']: a YAML merge key (<<) is not supported");
        assertThat(Fixtures.problem(r, "yaml-alias").detail()).contains("*base");
    }

    @Test
    void aDuplicateKeyIsReportedAndTheLastValueIsUsed() throws IOException {
        Path f = write("dup.json", "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\","
                + "\"namespace\":\"shop\"},\n\"spec\":{\"clusterIP\":\"10.0.0.1\",\"ports\":[{\"port\":80,\"port\":81}]}}");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "duplicate-key");
        assertThat(p.location()).isEqualTo("2:52");
        assertThat(p.detail()).isEqualTo("$.spec.ports[0].port: the key 'port' appears twice in one object; the last "
                + "value is used");
        assertThat(r.inventory().services().get(0).ports().get(0).port()).isEqualTo(81);
    }

    @Test
    void duplicateKeysAreFoundInBigObjectsAndSiblingObjectsDoNotShareKeys() throws IOException {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            labels.append("\"l").append(i).append("\":\"v\",");
        }
        // l3 again after the first twelve keys, l15 again among the ones past them
        labels.append("\"l3\":\"x\",\"l15\":\"y\"");
        String svc = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"%s\",\"namespace\":"
                + "\"shop\",\"labels\":{%s}},\"spec\":{\"clusterIP\":\"%s\",\"ports\":[{\"port\":80},{\"port\":81}]}}";
        Path f = write("big.json", "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":["
                + String.format(svc, "web", labels, "10.0.0.1") + "," + String.format(svc, "api", "\"l3\":\"v\"", "10.0.0.2")
                + "]}");
        ImportResult r = Fixtures.load(f);
        assertThat(all(r, "duplicate-key")).extracting(ImportProblem::detail).containsExactly(
                "$.items[0].metadata.labels.l3: the key 'l3' appears twice in one object; the last value is used",
                "$.items[0].metadata.labels.l15: the key 'l15' appears twice in one object; the last value is used");
        assertThat(r.inventory().services()).hasSize(2);
    }

    @Test
    void aClusterIpThatIsNotAnAddressSkipsTheServiceAndBadListEntriesAreDropped() throws IOException {
        String svc = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"shop\"},"
                + "\"spec\":{\"type\":\"LoadBalancer\",\"clusterIP\":\"%s\",\"externalIPs\":[\"1.2.3.4\",\"1.2.3\"],"
                + "\"loadBalancerSourceRanges\":[\" 10.0.0.0/8\",\"10.0.0.0/33\"],\"ports\":[{\"port\":80,"
                + "\"nodePort\":30080}]},\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"5.6.7.8\"},{\"ip\":"
                + "\"lb.example\"}]}}}";
        Path f = write("ips.json", "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[" + String.format(svc, "banana",
                "banana") + "," + String.format(svc, "web", "10.0.0.1") + "]}");
        ImportResult r = Fixtures.load(f);
        assertThat(Fixtures.problem(r, "invalid-object").detail()).isEqualTo("$.items[0] (Service shop/banana): "
                + "spec.clusterIP: 'banana' is not an IP address (expected an IPv4 or IPv6 address, or None); skipped");
        assertThat(r.inventory().services()).singleElement().satisfies(s -> {
            assertThat(s.externalIPs()).containsExactly("1.2.3.4");
            assertThat(s.loadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
            assertThat(s.loadBalancerIngressIPs()).containsExactly("5.6.7.8");
        });
        assertThat(all(r, "invalid-value")).extracting(ImportProblem::detail).containsExactly(
                "$.items[1] (Service shop/web): status.loadBalancer.ingress[1].ip: 'lb.example' is not an IP address; "
                        + "kube-proxy ignores it",
                "$.items[1] (Service shop/web): spec.externalIPs[1]: '1.2.3' is not an IP address; kube-proxy ignores it",
                "$.items[1] (Service shop/web): spec.loadBalancerSourceRanges[1]: '10.0.0.0/33' is not a CIDR "
                        + "(expected e.g. 10.0.0.0/8); kube-proxy ignores it");
    }

    @Test
    void endpointsWhoseAddressIsNotOfTheSlicesFamilyAreSkipped() throws IOException {
        Path f = write("eps.yaml", "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\naddressType: IPv4\n"
                + "metadata: {name: web-1, namespace: shop, labels: {kubernetes.io/service-name: web}}\n"
                + "endpoints:\n- addresses: [10.1.0.1]\n- addresses: [banana]\n- addresses: ['fd00::1']\n");
        ImportResult r = Fixtures.load(f);
        assertThat(r.inventory().endpointSlices().get(0).endpoints()).hasSize(1);
        assertThat(all(r, "invalid-value")).extracting(ImportProblem::detail).containsExactly(
                "$ (EndpointSlice shop/web-1): endpoints[1].addresses[0]: 'banana' is not an IPv4 address; endpoint "
                        + "skipped",
                "$ (EndpointSlice shop/web-1): endpoints[2].addresses[0]: 'fd00::1' is not an IPv4 address; endpoint "
                        + "skipped");
    }

    @Test
    void anImplausibleCpuCountIsReportedAndLeftUnknown() throws IOException {
        Path f = write("node.json", "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"},"
                + "\"status\":{\"capacity\":{\"cpu\":1e300,\"memory\":\"16Gi\"},\"nodeInfo\":{\"kernelVersion\":"
                + "\"6.1.0\",\"kubeletVersion\":\"v1.30.2\"}}}");
        ImportResult r = Fixtures.load(f);
        assertThat(r.inventory().nodes().get(0).cores()).isZero();
        assertThat(Fixtures.problem(r, "invalid-value").detail()).isEqualTo("$ (Node n1): status.capacity.cpu: "
                + "'1.0E300' is not a plausible CPU count (expected more than 0 and at most 8192); the node's CPU count "
                + "is unknown");
    }

    @Test
    void missingNodeFactsAreReportedNotGuessed() throws IOException {
        Path f = write("bare.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n");
        ImportResult r = Fixtures.load(f);
        assertThat(all(r, "missing-value")).extracting(ImportProblem::detail).containsExactly(
                "$ (Node n1): status.capacity.cpu: missing; the node's CPU count is unknown",
                "$ (Node n1): status.nodeInfo.kernelVersion: missing; the node's kernel is unknown",
                "$ (Node n1): status.nodeInfo.kubeletVersion: missing; the node's Kubernetes version is unknown");
        assertThat(all(r, "missing-value")).allSatisfy(p -> assertThat(p.location()).isEqualTo("1:1"));
    }

    @Test
    void servicesWithoutAnyNodeAreReported() throws IOException {
        Path f = write("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
                + "spec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}\n");
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "no-nodes");
        assertThat(p.detail()).startsWith("the inputs hold 1 Service(s) but no Nodes");
    }

    @Test
    void notANumberAndInfiniteMetricValuesAreSkippedWithTheirLine() throws IOException {
        Path f = write("m.prom", "# TYPE kubeproxy_sync_proxy_rules_duration_seconds histogram\n"
                + "kubeproxy_sync_proxy_rules_duration_seconds_bucket{le=\"1\"} 3\n"
                + "kubeproxy_sync_proxy_rules_duration_seconds_bucket{le=\"+Inf\"} 4\n"
                + "kubeproxy_sync_proxy_rules_duration_seconds_sum NaN\n"
                + "kubeproxy_sync_proxy_rules_duration_seconds_count +Inf\n"
                + "kubeproxy_sync_proxy_rules_iptables_total{table=\"nat\"} +Inf\n"
                + "kubeproxy_sync_proxy_rules_iptables_total{table=\"filter\"} 12\n");
        ImportResult r = Fixtures.load(f);
        ObservedMetrics m = r.metrics().get(0);
        assertThat(m.histograms()).isEmpty();
        assertThat(m.values()).containsOnlyKeys("kubeproxy_sync_proxy_rules_iptables_total{table=\"filter\"}");
        assertThat(all(r, "invalid-value")).extracting(p -> p.location() + " " + p.detail()).containsExactly(
                "4:1 kubeproxy_sync_proxy_rules_duration_seconds_sum: NaN is not a finite sum; the histogram "
                        + "kubeproxy_sync_proxy_rules_duration_seconds is skipped",
                "6:1 kubeproxy_sync_proxy_rules_iptables_total{table=\"nat\"}: +Inf is not a measurement; series skipped");
    }

    @Test
    void ipvsServersThatAreNotAddressesOrPortsAreNotCounted() throws IOException {
        Path f = write("n.ipvs", "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  10.96.0.1:443 rr\n  -> 172.18.0.2:6443             Masq    1      0          0\n"
                + "  -> banana:6443             Masq    1      0          0\n"
                + "  -> 172.18.0.3:99999             Masq    1      0          0\n"
                + "TCP  10.96.0.10:99999 rr\n  -> 10.244.0.2:53             Masq    1      0          0\n");
        ImportResult r = Fixtures.load(f);
        RuleDumpSummary d = r.ruleDumps().get(0);
        assertThat(d.count("virtualServers")).isEqualTo(1);
        assertThat(d.count("realServers")).isEqualTo(1);
        assertThat(all(r, "invalid-value")).extracting(p -> p.location() + " " + p.detail()).containsExactly(
                "6:1 real server 'banana:6443': 'banana' is not an IP address; not counted",
                "7:1 real server '172.18.0.3:99999': port 99999 is out of range 0..65535; not counted",
                "8:1 virtual server '10.96.0.10:99999': port 99999 is out of range 0..65535; it and its real servers "
                        + "are not counted");
    }

    @Test
    void aListOfNumbersIsAnErrorNotAnEmptyImport() throws IOException {
        Path f = write("nums.json", "[1,2,3]");
        ImportResult r = Fixtures.load(f);
        ImportProblem p = Fixtures.problem(r, "not-kubernetes");
        assertThat(p.severity()).isEqualTo(ImportProblem.Severity.ERROR);
        assertThat(p.location()).isEqualTo("1:2");
        assertThat(p.detail()).contains("$[0]: expected a Kubernetes object, found the number 1");
        assertThat(r.sources()).isEmpty();
    }

    @Test
    void aSnapshotWithAnotherFormatIsNotReadAsADump() throws IOException {
        Path f = write("s.json", "{\"format\": \"kpp-snapshot-v9\", \"version\": 1, \"inventory\": {}}");
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "malformed-snapshot");
        assertThat(p.location()).isEqualTo("$.format");
        assertThat(p.detail()).startsWith("'kpp-snapshot-v9' is not kpp-snapshot");
    }

    @Test
    void tarLinksAndDevicesAreReportedAsSkipped() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        tar.write(header("dump.json", '0', Files.size(Fixtures.resource("file/cluster.json"))));
        byte[] body = Files.readAllBytes(Fixtures.resource("file/cluster.json"));
        tar.write(body);
        tar.write(new byte[(512 - body.length % 512) % 512]);
        tar.write(header("etc-passwd.json", '2', 0));
        tar.write(header("zero", '3', 0));
        tar.write(new byte[1024]);
        Path f = dir.resolve("b.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(tar.toByteArray());
        }
        ImportResult r = Fixtures.load(f);
        assertThat(r.inventory().services()).hasSize(10);
        assertThat(all(r, "skipped-member")).extracting(p -> p.source() + ": " + p.detail()).containsExactly(
                f + "!/etc-passwd.json: the archive member is a symbolic link, not a regular file; skipped",
                f + "!/zero: the archive member is a character device, not a regular file; skipped");
    }

    @Test
    void truncatedJsonIsTruncatedWithoutJacksonsSourceText() throws IOException {
        Path f = write("cut.json", "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"kind\":\"Namespace\"");
        ImportProblem p = Fixtures.load(f).errors().get(0);
        assertThat(p.code()).isEqualTo("truncated");
        assertThat(p.location()).matches("1:\\d+");
        assertThat(p.detail()).doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("\n");
    }

    @Test
    void aTabInYamlIsNamed() throws IOException {
        Path f = write("tab.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n\tname: web\n");
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "malformed-yaml");
        assertThat(p.location()).isEqualTo("4:1");
        assertThat(p.detail()).contains("a tab").contains("YAML indents with spaces").doesNotContain("\t")
                .doesNotContain("\n");
    }

    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        Path f = Path.of("/proc/self/mem"); // a regular file whose read fails for everyone, root included
        ImportProblem p = Fixtures.problem(Fixtures.load(f), "read-failed");
        assertThat(p.detail()).isNotBlank().doesNotContain(f.toString()).doesNotContain("Exception");
    }

    private static byte[] header(String name, char type, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, "00000000000");
        h[156] = (byte) type;
        if (type == '2') {
            put(h, 157, "/etc/passwd");
        }
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
