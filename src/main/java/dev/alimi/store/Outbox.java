package dev.alimi.store;

import dev.alimi.model.Delivery;
import dev.alimi.model.Told;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alerts stored before they are sent, so a restart neither repeats nor loses one. The key is episode,
 * kind, route and channel: each holds at most one alert, ever.
 */
public interface Outbox {

    /**
     * Stores a PENDING alert claimed by this store, or turns a HELD one into it. Empty when that key
     * already has an alert that is not HELD: it was (or is being) sent, so the caller must not send.
     */
    Optional<Alert> enqueue(AlertDraft draft);

    /**
     * Records an alert held by a rule, with the rule's reason. A HELD row gets the newer reason; an alert
     * already pending or final is returned unchanged.
     */
    Alert hold(AlertDraft draft, String reason);

    /** True when some channel of this route got (or is getting) an alert of this kind for the episode. */
    boolean alerted(long episodeId, String kind, String route);

    /**
     * Ends a pending alert with how its delivery went: stores the delivery (kind ALERT) and sets the status
     * from its outcome. Empty when the alert is not PENDING (already ended).
     */
    Optional<StoredDelivery> finish(long alertId, Delivery delivery);

    /** Marks PENDING alerts whose TTL ran out by {@code now} as EXPIRED; returns them. */
    List<Alert> expireDue(Instant now);

    /**
     * Claims PENDING alerts still within their TTL at {@code now} that no live sender of this store holds
     * (on restart: every one a dead process left), oldest first, at most {@code limit}.
     */
    List<Alert> claimPending(Instant now, int limit);

    /** The newest alert of this kind that a watch got (or is getting) on a route, held ones skipped: for cooldowns. */
    Optional<Alert> lastAlerted(String watch, String kind, String route);

    /** One alert by id. */
    Optional<Alert> find(long alertId);

    /** Every alert of an episode (for live updates when it ends), oldest first. */
    List<Alert> ofEpisode(long episodeId);

    /**
     * The SENT alerts of one kind of an episode with what their users were last told, oldest first: what a change
     * during the episode is measured against.
     */
    List<ToldAlert> told(long episodeId, String kind);

    /**
     * Stores what a change update tells the users of a SENT alert, if what they were told is still {@code previous}
     * (as read by {@link #told}); false when there is no such alert, or another check retold it since: then that
     * check tells, and this one must not.
     */
    boolean retell(long alertId, Told previous, Told told);

    /** The newest alerts of a watch, held ones included with their reason, newest first. */
    List<Alert> recent(String watch, int limit);
}
