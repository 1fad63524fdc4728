package com.eceops.runbook.estate;

/**
 * The domain-based DFS namespace. {@code path} is the full UNC path ECE uses
 * ({@code \\domain\root\folder}); {@code stagingQuotaMb} answers pre-4.4, which the document leaves open.
 */
public record Dfs(String path, String root, String folder, String localPath, int stagingQuotaMb) {
}
