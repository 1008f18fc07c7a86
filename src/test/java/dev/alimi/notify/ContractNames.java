package dev.alimi.notify;

/** Product names shared by the channel contract tests. */
final class ContractNames {

    /** A product name that tries markup and mentions in every service's syntax. */
    static final String HOSTILE = "<b>Tom & Jerry</b> @everyone *_x_*";

    private ContractNames() {}
}
