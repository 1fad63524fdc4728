package com.eceops.runbook.technology.powershell;

/**
 * What an operation reaches besides the server it runs on. A WinRM Kerberos or SSH-key session has no network
 * credentials, so an operation that touches a second machine (a UNC path, AD, cluster or DFS cmdlets) needs a
 * way round the double hop ({@link HopRoute}); one that stays on its server does not.
 */
public enum NetworkReach {
    /** Everything the script touches is on the server it runs on. */
    LOCAL_ONLY,
    /** The script opens something on another machine with the caller's credentials. */
    SECOND_MACHINE
}
