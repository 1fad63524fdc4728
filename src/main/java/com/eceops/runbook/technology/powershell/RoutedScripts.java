package com.eceops.runbook.technology.powershell;


import java.util.Optional;

import com.eceops.runbook.estate.SecretMasker;
import com.eceops.runbook.operations.Change;
import com.eceops.runbook.operations.OperationFailedException;

/**
 * Runs the scripts of the Active Directory and DFS operations: reads run (also in plan mode, where they are not
 * used: plan runs read the lab), changes run or, in plan mode, are recorded. Both kinds reach a second machine
 * (a domain controller, the other namespace server), so each goes the way {@link HopRoute} chooses from the
 * inventory's {@code doubleHop}; {@code owner} is the machine that owns what the script reaches, if there is one.
 */
public final class RoutedScripts {

    private final ScriptContext context;
    private final PowerShellRunner runner;
    private final DetachedCommands detached;

    public RoutedScripts(ScriptContext context) {
        this.context = context;
        this.runner = context.runner();
        this.detached = context.detached(runner);
    }

    public boolean plan() {
        return context.plan();
    }

    public RemoteSessions sessions() {
        return context.sessions();
    }

    public <T> T read(String host, PowerShellScript script, Optional<String> owner, Class<T> answer) {
        return execute(host, script, owner, answer);
    }

    /** A change: recorded in plan mode (nothing sent), else run and recorded when it changed something. */
    public Change change(String host, PowerShellScript script, Optional<String> owner) {
        if (context.plan()) {
            context.recordPlanned(host, script, owner);
            return Change.of("current state", "planned: " + script.operation());
        }
        HopRoute route = HopRoute.choose(context.sessions().target(host), script.operation(), script.reach(), owner);
        Change change = execute(host, script, owner, Answers.Changed.class).toChange();
        if (change.changed()) {
            context.recorder().record(route.host(), context.step().get(), script.operation() + HopRoute.describe(route), script.shown());
        }
        return change;
    }

    private <T> T execute(String host, PowerShellScript script, Optional<String> owner, Class<T> answer) {
        HopRoute route = HopRoute.choose(context.sessions().target(host), script.operation(), script.reach(), owner);
        if (route instanceof HopRoute.ScheduledTask task) {
            String current = context.step().get();
            DetachedStatus.Finished finished = detached.runToEnd(task.host(), current, script, context.timeout(), task);
            if (!finished.succeeded()) {
                String output = finished.outputTail();
                throw new OperationFailedException(host, script.operation(), SecretMasker.mask("step " + current
                        + ": '" + script.firstLine() + "' as a scheduled task exited with " + finished.exitCode() + ":\n"
                        + (output.length() <= 800 ? output : "…" + output.substring(output.length() - 800))));
            }
            return runner.parse(host, current, script, finished.stdoutTail(), answer);
        }
        return runner.run(route.host(), context.step().get(), script, context.timeout(), answer);
    }
}
