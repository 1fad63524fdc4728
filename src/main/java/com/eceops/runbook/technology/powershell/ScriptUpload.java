package com.eceops.runbook.technology.powershell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.eceops.runbook.estate.Connection;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.OverthereFile;

/**
 * A script too long for a command line, as a temporary file on the server. Over SSH it goes by SFTP; a WinRM
 * shell has no file channel (Overthere would need SMB), so there it is appended in base64 pieces, each piece a
 * short encoded command. The file starts with a UTF-8 byte order mark, without which Windows PowerShell 5.1
 * reads a script as the ANSI code page and mangles every non-ASCII value.
 */
final class ScriptUpload {

    private static final int PIECE = 3000;

    private ScriptUpload() {
    }

    static String temporaryPath() {
        return "C:\\Windows\\Temp\\runbook-" + UUID.randomUUID() + ".ps1";
    }

    static byte[] bytes(String script) {
        byte[] body = script.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    static void upload(OverthereConnection connection, Connection.Protocol protocol, String path, String script,
                       Duration timeout) {
        if (protocol == Connection.Protocol.SSH) {
            OverthereFile file = connection.getFile(path);
            OverthereFile folder = file.getParentFile();
            if (folder != null && !folder.exists()) {
                folder.mkdirs();
            }
            try (OutputStream out = file.getOutputStream()) {
                out.write(bytes(script));
            } catch (IOException e) {
                throw new UncheckedIOException("uploading the script to " + path + " failed", e);
            }
            return;
        }
        byte[] all = bytes(script);
        for (int from = 0; from < all.length; from += PIECE) {
            byte[] piece = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + PIECE));
            PowerShellScript append = PowerShellScript.of("upload a script piece", """
                    $folder = Split-Path -Parent $Path
                    if (-not (Test-Path -LiteralPath $folder -PathType Container)) { [System.IO.Directory]::CreateDirectory($folder) | Out-Null }
                    $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Append)
                    $bytes = [System.Convert]::FromBase64String($Piece)
                    $stream.Write($bytes, 0, $bytes.Length)
                    $stream.Close()
                    """).with("Path", path).with("Piece", Base64.getEncoder().encodeToString(piece));
            CommandExecutor.Finished finished = CommandExecutor.run(connection, CommandLines.encoded(append.text()), timeout);
            if (finished.timedOut() || finished.outcome().exitCode() != 0) {
                throw new IllegalStateException("uploading the script to " + path + " failed: "
                        + finished.outcome().tail(300));
            }
        }
    }

    static PowerShellScript removal(String path) {
        return PowerShellScript.of("remove the uploaded script", """
                Remove-Item -LiteralPath $Path -Force -ErrorAction SilentlyContinue
                """).with("Path", path);
    }
}
