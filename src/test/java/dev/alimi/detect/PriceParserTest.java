package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceParserTest {

    private final PriceParser parser = new PriceParser();

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "15,900원          | 15900     | KRW",
        "₩15,900           | 15900     | KRW",
        "€1.234,56         | 1234.56   | EUR",
        "43,90 €           | 43.90     | EUR",
        "$98.99            | 98.99     | USD",
        "1,299.00          | 1299.00   | null",
        "45000             | 45000     | null",
        "44.17             | 44.17     | null",
        "USD 1,299.00      | 1299.00   | USD",
        "£17.99            | 17.99     | GBP",
        "¥1,280            | 1280      | JPY",
        "1.234.567 KRW     | 1234567   | KRW",
        "12 345,67 EUR     | 12345.67  | EUR",
        "1'299.50 CHF      | 1299.50   | CHF",
        "판매가 15.900원    | 15900     | KRW",
        "Price: $1,234     | 1234      | USD",
        "1,5               | 1.5       | null",
        "C$ 20.00          | 20.00     | CAD",
        "1.299,00 €        | 1299.00   | EUR",
        "$1,299.99         | 1299.99   | USD",
        "¥3,980            | 3980      | JPY",
        "3,980円           | 3980      | JPY",
        "48,00             | 48.00     | null",
        "CN¥ 199.00        | 199.00    | CNY",
        "199元              | 199       | CNY",
    })
    void parses(String text, BigDecimal amount, String currency) {
        Price price = parser.parse(text).orElseThrow();

        assertThat(price.amount()).isEqualByComparingTo(amount);
        assertThat(price.currency()).isEqualTo(currency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "sold out", "₩", "가격 문의"})
    void textWithoutANumberIsNoPrice(String text) {
        assertThat(parser.parse(text)).isEmpty();
    }
}
