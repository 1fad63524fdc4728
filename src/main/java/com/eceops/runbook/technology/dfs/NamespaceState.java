package com.eceops.runbook.technology.dfs;

import java.util.List;
import java.util.Map;

/** A namespace root: whether it exists, its mode, namespace servers and folders with their targets. */
public record NamespaceState(String root, boolean exists, String mode, List<String> servers,
                             Map<String, List<String>> folderTargets) {
}
