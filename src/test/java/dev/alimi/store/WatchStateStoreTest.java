package dev.alimi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alimi.model.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class WatchStateStoreTest extends StoreTestBase {

    @Test
    void everyFieldRoundTrips() {
        var state = new StoredWatchState("KF94", Availability.ERROR, at(30), Availability.IN_STOCK, at(10), 7, 2, 1, 3, 1,
                Availability.OUT_OF_STOCK, 1);
        store.watchStates().save(state);

        assertThat(store.watchStates().find("KF94")).contains(state);
    }

    @Test
    void aNeverObservedStateKeepsItsNulls() {
        store.watchStates().save(StoredWatchState.initial("fresh"));

        assertThat(store.watchStates().find("fresh")).contains(StoredWatchState.initial("fresh"));
    }

    @Test
    void saveReplacesTheWatchsState() {
        store.watchStates().save(new StoredWatchState("KF94", Availability.IN_STOCK, at(10), Availability.IN_STOCK, at(10),
                1, 0, 0, 1, 0, null, 0));
        var later = new StoredWatchState("KF94", Availability.OUT_OF_STOCK, at(50), Availability.OUT_OF_STOCK, null, 2, 0,
                0, 1, 0, null, 0);
        store.watchStates().save(later);

        assertThat(store.watchStates().all()).containsOnlyKeys("KF94").containsEntry("KF94", later);
    }

    @Test
    void allListsEveryWatchByName() {
        store.watchStates().save(StoredWatchState.initial("b"));
        store.watchStates().save(StoredWatchState.initial("a"));

        assertThat(store.watchStates().all().keySet()).containsExactly("a", "b");
        assertThat(store.watchStates().find("c")).isEmpty();
    }

    @Test
    void deleteDropsOnlyThatWatch() {
        store.watchStates().save(StoredWatchState.initial("a"));
        store.watchStates().save(StoredWatchState.initial("b"));

        assertThat(store.watchStates().delete("a")).isTrue();
        assertThat(store.watchStates().delete("a")).isFalse();
        assertThat(store.watchStates().all().keySet()).containsExactly("b");
    }
}
