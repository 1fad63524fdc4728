package com.eceops.runbook.procedure.postinstall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-10 on one web server: a copy of ece_config.js and agent.xml next to each, made once. An existing backup
 * is the file as it was before the first edit and is never overwritten.
 */
@Component("backUpWebServerFilesDelegate")
class BackUpWebServerFilesDelegate extends RunbookStep {

    BackUpWebServerFilesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        WebServerFiles web = WebServerFiles.of(run, host(execution));
        for (EceConfigFile file : WebServerFiles.EDITED) {
            if (!run.windows().fileExists(web.host(), web.backup(file))) {
                run.windows().copyFile(web.host(), web.path(file), web.host(), web.backup(file));
            }
            if (!run.windows().fileExists(web.host(), web.backup(file))) {
                throw new OperationFailedException(web.host(), "back up " + file.relativePath(), "no " + web.backup(file));
            }
        }
    }
}
