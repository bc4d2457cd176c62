package dev.kpp.importer.file;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kpp.importer.Fixtures;
import dev.kpp.importer.spi.Cancellation;
import dev.kpp.importer.spi.ProgressListener;
import dev.kpp.model.scenario.ScenarioParams;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fuzzes the two-core read of a JSON List ({@link SplitRead}) against the serial read: for any bytes,
 * cut at three places, the inventory, problems and sources are the serial read's. Seeds are
 * pretty-printed Lists (the fixture and a generated dump), the only files the pre-scan cuts; a
 * mutation that breaks the layout is read serially and must still agree.
 */
@Timeout(20)
class SplitReadFuzzTest {
    private static final Path FILE = Fixtures.scratchFile("kpp-fuzz-split", "input.json");

    static Stream<Arguments> lists() {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DumpGenerator.write(ScenarioParams.defaults().withServices(12).withEndpointsPerService(3)
                    .withPortsPerService(2).withNodes(3), b, ProgressListener.NONE, Cancellation.NEVER);
            return Stream.of(Arguments.of(Named.of("cluster.json", Files.readAllBytes(
                    Fixtures.resource("file/cluster.json")))), Arguments.of(Named.of("generated.json", b.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @MethodSource("lists")
    @FuzzTest(maxDuration = "10m")
    void json(byte[] input) throws IOException {
        Files.write(FILE, input);
        Outcome.assertSameEverywhere(FILE, 0.3, 0.5, 0.7);
    }
}
