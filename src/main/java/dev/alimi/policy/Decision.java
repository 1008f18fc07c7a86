package dev.alimi.policy;

import java.util.List;
import java.util.Objects;

/** What the policy decided for one stock event: send it to channels, or hold it with a reason. */
public sealed interface Decision permits Decision.Send, Decision.Hold {

    /** Deliver the alert to these channels, in config order, each once. */
    record Send(List<String> channels) implements Decision {
        public Send {
            channels = List.copyOf(channels);
            if (channels.isEmpty()) throw new IllegalArgumentException("a Send needs at least one channel");
        }
    }

    /**
     * Do not alert. {@code rule} names the rule that held it ({@code min-stock}, {@code blackout}, …) and
     * {@code reason} says why, for the dashboard, the store and the logs.
     */
    record Hold(String rule, String reason) implements Decision {
        public Hold {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }

        /** The rule and the reason in one line, as stored with a held alert. */
        public String describe() {
            return rule + ": " + reason;
        }
    }
}
