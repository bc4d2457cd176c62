package dev.kpp.model.units;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionsTest {
    @ParameterizedTest
    @CsvSource({"1.31, 1, 31", "v1.29.3, 1, 29", "v1.29.3-eks-1234, 1, 29", "1.9, 1, 9"})
    void parsesKubernetesVersions(String text, int major, int minor) {
        assertThat(KubeVersion.parse(text)).isEqualTo(new KubeVersion(major, minor));
    }

    @ParameterizedTest
    @CsvSource({"6.1, 6, 1, 0", "5.15.0-1051-aws, 5, 15, 0", "4.18.0-553.el8_10.x86_64, 4, 18, 0", "5.10.223, 5, 10, 223"})
    void parsesKernelVersions(String text, int major, int minor, int patch) {
        assertThat(KernelVersion.parse(text)).isEqualTo(new KernelVersion(major, minor, patch));
    }

    @Test
    void rejectsGarbageWithACodeTheFieldAndTheText() {
        assertThatThrownBy(() -> KubeVersion.parse("latest")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(InvalidValueException.Code.NOT_A_KUBERNETES_VERSION);
                    assertThat(e.field()).isEqualTo("kubernetesVersion");
                    assertThat(e.actual()).isEqualTo("latest");
                });
        assertThatThrownBy(() -> KernelVersion.parse("")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.code()).isEqualTo(InvalidValueException.Code.NOT_A_KERNEL_VERSION));
    }

    @Test
    void ordersVersions() {
        assertThat(KubeVersion.parse("1.9")).isLessThan(KubeVersion.parse("1.10"));
        assertThat(KernelVersion.parse("5.13").atLeast(5, 13)).isTrue();
        assertThat(KernelVersion.parse("5.4.0").atLeast(5, 13)).isFalse();
    }
}
