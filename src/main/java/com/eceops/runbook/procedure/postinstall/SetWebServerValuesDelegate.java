package com.eceops.runbook.procedure.postinstall;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.eceops.runbook.technology.ece.EceConfigFile;
import com.eceops.runbook.operations.OperationFailedException;
import com.eceops.runbook.run.RunContext;
import com.eceops.runbook.run.RunOperations;
import com.eceops.runbook.run.RunbookStep;

/**
 * post-10 on one web server: ece_config.js gets {@code web_server_protocol = "https"} and
 * {@code web_server_name = "<ECE FQDN>"}, agent.xml the gadget URL on https://&lt;ECE FQDN&gt; (with the site's port when not 443). A file already
 * as wanted is not written, and neither file is written when either cannot be edited.
 */
@Component("setWebServerValuesDelegate")
class SetWebServerValuesDelegate extends RunbookStep {

    SetWebServerValuesDelegate(RunOperations runs) {
        super(runs);
    }

    @Override
    protected void perform(DelegateExecution execution, RunContext run) {
        WebServerFiles web = WebServerFiles.of(run, host(execution));
        // Every file's new content is worked out before any is written: a file that cannot be edited (no such
        // var, no <gadget>) stops the step with both files as they were, not with one edited and one not.
        Map<EceConfigFile, String> changes = new LinkedHashMap<>();
        for (EceConfigFile file : WebServerFiles.EDITED) {
            String content = run.ece().readConfigFile(web.host(), file);
            String wanted;
            try {
                wanted = web.wanted(file, content);
            } catch (IllegalArgumentException e) {
                throw new OperationFailedException(web.host(), "edit " + file.relativePath(), e.getMessage());
            }
            if (!wanted.equals(content)) {
                changes.put(file, wanted);
            }
        }
        changes.forEach((file, wanted) -> run.ece().writeConfigFile(web.host(), file, wanted));
    }
}
