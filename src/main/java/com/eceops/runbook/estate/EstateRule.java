package com.eceops.runbook.estate;

/**
 * One family of semantic rules over a bound inventory. The estate may be partial (see {@link BoundInventory}):
 * a rule skips what is null, since the loader has reported it already.
 */
interface EstateRule {

    void check(Estate estate, Findings findings);
}
