package dev.alimi.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Long texts, whose characters are listed before the search, read as short ones do. */
class StockPhrasesTest {

    private static final String FILLER = "Lorem ipsum dolor sit amet. ".repeat(StockPhrases.LISTS_CHARS_FROM / 20);

    @ParameterizedTest
    @CsvSource({
        "Sold out, OUT_OF_STOCK", "일시품절, OUT_OF_STOCK", "在庫切れ, OUT_OF_STOCK", "épuisé, OUT_OF_STOCK",
        "품절임박 구매하기, IN_STOCK", "Add to cart, IN_STOCK", "カートに入れる, IN_STOCK", "Nothing here, UNKNOWN"})
    void longAndShortTextsReadTheSame(String phrase, Availability expected) {
        String longText = FILLER + phrase + " " + FILLER;

        assertThat(StockPhrases.read("text", "page", phrase).availability()).isEqualTo(expected);
        assertThat(StockPhrases.read("text", "page", longText).availability()).isEqualTo(expected);
        assertThat(StockPhrases.read("text", "page", longText, longText.toLowerCase(java.util.Locale.ROOT)))
                .isEqualTo(StockPhrases.read("text", "page", longText));
    }

    @ParameterizedTest
    @CsvSource({"예약구매, 예약구매", "Pre-order now, pre-order", "予約する, 予約"})
    void preOrderWordsAreFoundInLongTexts(String label, String phrase) {
        String longText = (FILLER + label + " " + FILLER).toLowerCase(java.util.Locale.ROOT);

        assertThat(StockPhrases.preOrderPhrase(longText)).isEqualTo(phrase);
        assertThat(StockPhrases.preOrderPhrase(FILLER.toLowerCase(java.util.Locale.ROOT))).isNull();
    }

    @ParameterizedTest
    @CsvSource({"품절, true", "sold out, true", "在庫切れ, false", "épuisé, false"})
    void listsTheCharactersOfALongText(String phrase, boolean mayHold) {
        long[] chars = StockPhrases.charsOf(FILLER + "품 s");

        assertThat(StockPhrases.mayHold(chars, phrase)).isEqualTo(mayHold);
        assertThat(StockPhrases.charsOf("short")).isNull();
        assertThat(StockPhrases.mayHold(null, phrase)).isTrue();
    }
}
