package dev.alimi.schedule;

/** Permission to send a request to a site; asked before every request a lane starts. */
@FunctionalInterface
public interface Lease {

    /** This node owns every site: the single-node setup. */
    Lease ALWAYS = site -> true;

    /** True when this node may send a request to {@code site} now. */
    boolean mayRequest(String site);
}
