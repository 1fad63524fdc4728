package com.eceops.runbook.technology.windows;

/** One NTFS access rule: identity, rights, Allow or Deny, inherited or explicit. */
public record AccessRule(String identity, String rights, boolean deny, boolean inherited) {
}
