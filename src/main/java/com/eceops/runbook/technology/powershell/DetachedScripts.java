package com.eceops.runbook.technology.powershell;

/**
 * The scripts of a detached command: a one-off scheduled task whose action runs a fixed wrapper, which runs the
 * uploaded payload with its output redirected to files in the run folder and writes the exit code last. A task
 * belongs to the Task Scheduler, not to the WinRM or SSH session, so it outlives it. Pure renderers; the only
 * values are the run folder and task names the runbook generates, the account name and the time limit.
 */
final class DetachedScripts {

    static final String TASK_PATH = "\\EceRunbook\\";
    static final String RUNS = "C:\\Windows\\Temp\\runbook-detached\\";
    static final String PAYLOAD = "payload.ps1";
    static final String WRAPPER = "wrapper.ps1";
    static final String EXIT_CODE = "exit-code.txt";
    /** SCHED_S_TASK_HAS_NOT_RUN (0x41303), Get-ScheduledTaskInfo's LastTaskResult before the first run. */
    static final long HAS_NOT_RUN = 267011;
    /** Lines of each output file a poll brings back. */
    static final int TAIL_LINES = 60;

    private static final String ACTION = """
            $wrapper = Join-Path -Path $Folder -ChildPath 'wrapper.ps1'
            $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument ('-NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -File "' + $wrapper + '"') -WorkingDirectory $Folder
            $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes $LimitMinutes) -MultipleInstances IgnoreNew -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
            """;

    private static final String STARTED = """
            Start-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath
            [pscustomobject]@{ started = $true; task = ($TaskPath + $TaskName) } | ConvertTo-Json -Compress -Depth 5
            """;

    private DetachedScripts() {
    }

    /**
     * Runs the payload and records its end. Start-Process with -PassThru and WaitForExit rather than -Wait, which
     * would also wait for processes the payload leaves running (a service an installer starts); reading Handle
     * first keeps ExitCode available after the exit; should it still be empty, the wrapper reports 1, never the 0
     * that an empty file would read as. The exit code is written to a temporary name and renamed,
     * so a poll never reads half a number.
     */
    static PowerShellScript wrapper() {
        return PowerShellScript.of("detached command wrapper", """
                $here = $PSScriptRoot
                $code = 1
                try {
                    $payload = Join-Path -Path $here -ChildPath 'payload.ps1'
                    $arguments = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "' + $payload + '"'
                    $stdout = Join-Path -Path $here -ChildPath 'stdout.txt'
                    $stderr = Join-Path -Path $here -ChildPath 'stderr.txt'
                    $process = Start-Process -FilePath 'powershell.exe' -ArgumentList $arguments -WorkingDirectory $here -RedirectStandardOutput $stdout -RedirectStandardError $stderr -NoNewWindow -PassThru
                    $null = $process.Handle
                    $process.WaitForExit()
                    if ($null -eq $process.ExitCode) {
                        Add-Content -LiteralPath (Join-Path -Path $here -ChildPath 'wrapper-error.txt') -Value 'the payload ended without an exit code'
                    } else {
                        $code = $process.ExitCode
                    }
                } catch {
                    Add-Content -LiteralPath (Join-Path -Path $here -ChildPath 'wrapper-error.txt') -Value ([string]$_)
                }
                $exitFile = Join-Path -Path $here -ChildPath 'exit-code.txt'
                Set-Content -LiteralPath ($exitFile + '.tmp') -Value ([string]$code) -Encoding Ascii
                Move-Item -LiteralPath ($exitFile + '.tmp') -Destination $exitFile -Force
                exit $code
                """);
    }

    /**
     * A task that runs as the connected account with an S4U logon: no password is stored, and the task has no
     * network credentials, which is right for work on this server only (installers, service restarts).
     */
    static PowerShellScript startAsCurrentUser(String folder, String taskName, long limitMinutes) {
        return PowerShellScript.of("start a detached command", ACTION + """
                $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
                $principal = New-ScheduledTaskPrincipal -UserId $identity -LogonType S4U -RunLevel Highest
                Register-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Action $action -Settings $settings -Principal $principal -Force | Out-Null
                """ + STARTED)
                .with("Folder", folder).with("TaskName", taskName).with("TaskPath", TASK_PATH).with("LimitMinutes", limitMinutes);
    }

    /**
     * A task registered with an account and its password (logon type Password): when it starts, Windows logs the
     * account on afresh, and that logon has network credentials, which a remote session lacks. The password
     * arrives on standard input, never in the script text or on the command line, and Task Scheduler keeps it.
     */
    static PowerShellScript startWithCredential(String folder, String taskName, long limitMinutes, String runAs) {
        return PowerShellScript.of("start a detached command with a credential", ACTION + """
                $secret = [Console]::In.ReadLine()
                if ([string]::IsNullOrEmpty($secret)) { throw 'no password arrived on standard input' }
                Register-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Action $action -Settings $settings -User $RunAs -Password $secret -RunLevel Highest -Force | Out-Null
                $secret = $null
                """ + STARTED)
                .with("Folder", folder).with("TaskName", taskName).with("TaskPath", TASK_PATH).with("LimitMinutes", limitMinutes)
                .with("RunAs", runAs);
    }

    /**
     * The task's state is read before the exit-code file: the wrapper writes the file before it ends, so a task
     * that is no longer running and left no file has really gone without an answer.
     */
    static PowerShellScript poll(String folder, String taskName) {
        return PowerShellScript.of("poll a detached command", """
                $task = Get-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
                $state = if ($null -eq $task) { 'Missing' } else { [string]$task.State }
                $exitFile = Join-Path -Path $Folder -ChildPath 'exit-code.txt'
                if (Test-Path -LiteralPath $exitFile -PathType Leaf) {
                    $code = [int]((Get-Content -LiteralPath $exitFile -Raw).Trim())
                    $tails = @{}
                    foreach ($name in @('stdout.txt', 'stderr.txt', 'wrapper-error.txt')) {
                        $file = Join-Path -Path $Folder -ChildPath $name
                        $tails[$name] = if (Test-Path -LiteralPath $file -PathType Leaf) { @(Get-Content -LiteralPath $file -Tail $TailLines -Encoding UTF8) -join [System.Environment]::NewLine } else { '' }
                    }
                    [pscustomobject]@{ state = 'finished'; exitCode = $code; stdout = $tails['stdout.txt']; stderr = ($tails['stderr.txt'] + $tails['wrapper-error.txt']) } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                if ($state -eq 'Running' -or $state -eq 'Queued') {
                    [pscustomobject]@{ state = 'running'; taskState = $state } | ConvertTo-Json -Compress -Depth 5
                    return
                }
                $info = Get-ScheduledTaskInfo -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
                $last = if ($null -eq $info) { -1 } else { [long]$info.LastTaskResult }
                if ($last -eq $HasNotRun) {
                    [pscustomobject]@{ state = 'running'; taskState = 'NotYetStarted' } | ConvertTo-Json -Compress -Depth 5
                } else {
                    [pscustomobject]@{ state = 'lost'; taskState = $state; lastTaskResult = $last } | ConvertTo-Json -Compress -Depth 5
                }
                """).with("Folder", folder).with("TaskName", taskName).with("TaskPath", TASK_PATH)
                .with("TailLines", TAIL_LINES).with("HasNotRun", HAS_NOT_RUN);
    }

    /** Stops a task still running, unregisters it and removes the run folder; a second call finds nothing to do. */
    static PowerShellScript cleanUp(String folder, String taskName) {
        return PowerShellScript.of("clean up a detached command", """
                $task = Get-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -ErrorAction SilentlyContinue
                $stopped = $false
                if ($null -ne $task) {
                    if ([string]$task.State -eq 'Running') {
                        Stop-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath
                        $stopped = $true
                    }
                    Unregister-ScheduledTask -TaskName $TaskName -TaskPath $TaskPath -Confirm:$false
                }
                $removed = $true
                if (Test-Path -LiteralPath $Folder) {
                    try {
                        Remove-Item -LiteralPath $Folder -Recurse -Force
                    } catch {
                        $removed = $false
                    }
                }
                [pscustomobject]@{ unregistered = ($null -ne $task); stopped = $stopped; removed = $removed } | ConvertTo-Json -Compress -Depth 5
                """).with("Folder", folder).with("TaskName", taskName).with("TaskPath", TASK_PATH);
    }
}
