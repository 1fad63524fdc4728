package com.eceops.runbook.estate;

import java.util.List;

/**
 * What the loader made of an inventory file. When {@code problems} is not empty the estate is partial: parts
 * that could not be read are null, so that the semantic rules can still run over the rest.
 */
record BoundInventory(Estate estate, SourceLines lines, List<EstateProblem> problems) {
}
