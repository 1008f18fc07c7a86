package dev.alimi.store;

import dev.alimi.model.Told;
import java.util.Objects;

/** A sent alert and what its users were last told: the alert's own facts, or those of its last change update. */
public record ToldAlert(Alert alert, Told told) {

    public ToldAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(told, "told");
    }
}
