package dev.alimi.detect;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount read from a page.
 *
 * @param amount   the price in major units (15900 KRW, 43.90 EUR)
 * @param currency ISO 4217 code when the page says, else null
 */
public record Price(BigDecimal amount, String currency) {

    public Price {
        Objects.requireNonNull(amount, "amount");
    }
}
