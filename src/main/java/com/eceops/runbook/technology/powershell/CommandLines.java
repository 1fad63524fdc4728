package com.eceops.runbook.technology.powershell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.xebialabs.overthere.CmdLine;

/**
 * How powershell.exe is started. cmd.exe (the shell of Win32-OpenSSH and of a WinRM shell) takes 8191
 * characters per command line; a script whose UTF-16LE base64 does not fit is uploaded and run with -File.
 */
final class CommandLines {

    static final int CMD_LIMIT = 8191;
    private static final String[] POWERSHELL = {
        "powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass"};

    private CommandLines() {
    }

    static String encode(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    static boolean fits(String script) {
        return String.join(" ", POWERSHELL).length() + " -EncodedCommand ".length() + encode(script).length() < CMD_LIMIT;
    }

    static CmdLine encoded(String script) {
        return CmdLine.build(POWERSHELL).addArgument("-EncodedCommand").addArgument(encode(script));
    }

    static CmdLine file(String path) {
        return CmdLine.build(POWERSHELL).addArgument("-File").addArgument(path);
    }
}
