package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened says where and why, without its password. */
class StoreOpenErrorsTest {

    @TempDir
    Path configDir;

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws Exception {
        Files.writeString(configDir.resolve("alimi.db"), "this is not sqlite ".repeat(100));

        assertThatThrownBy(() -> Store.open("sqlite:alimi.db", configDir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the store at jdbc:sqlite:" + configDir.resolve("alimi.db"))
                .hasMessageContaining("not a database");
    }

    @Test
    void anUnreachablePostgresIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> Store.open("postgresql://alimi:hunter2@127.0.0.1:1/alimi", configDir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the store at jdbc:postgresql://127.0.0.1:1/alimi as alimi")
                .hasMessageNotContaining("hunter2");
    }
}
