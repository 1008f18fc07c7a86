package dev.alimi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's complete example config must stay valid as the code changes. */
class ReadmeExampleTest {

    @Test
    void completeExampleValidates(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("A complete example:\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a 'A complete example:' yaml block").isTrue();
        Path file = Files.writeString(dir.resolve("alimi.yaml"), m.group(1));

        Cli cli = new Cli();
        int code = cli.run("validate", "--config", file.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("is valid");
    }
}
