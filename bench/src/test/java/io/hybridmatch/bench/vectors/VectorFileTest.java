package io.hybridmatch.bench.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {

    @TempDir
    Path dir;

    @Test
    void appendedVectorsAreCountedAndReadBackInOrder() throws IOException {
        VectorFile file = new VectorFile(dir.resolve("sub/v.f32"), 2);
        assertThat(file.count()).isZero();

        file.append(List.of(new float[]{1, 2}, new float[]{3, 4}));
        file.append(List.of(new float[]{5, 6}));

        assertThat(file.count()).isEqualTo(3);
        assertThat(file.read(2)).isDeepEqualTo(new float[][]{{1, 2}, {3, 4}});
        assertThat(file.read(3)[2]).containsExactly(5, 6);
    }

    @Test
    void aPartlyWrittenVectorIsNotCountedAndTheNextAppendReplacesIt() throws IOException {
        Path path = dir.resolve("v.f32");
        VectorFile file = new VectorFile(path, 2);
        file.append(List.of(new float[]{1, 2}));
        Files.write(path, new byte[]{9, 9, 9}, StandardOpenOption.APPEND);
        assertThat(file.count()).isEqualTo(1);

        file.append(List.of(new float[]{3, 4}));

        assertThat(file.read(2)).isDeepEqualTo(new float[][]{{1, 2}, {3, 4}});
        assertThat(Files.size(path)).isEqualTo(16);
    }
}
