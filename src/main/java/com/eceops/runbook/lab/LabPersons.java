package com.eceops.runbook.lab;

import java.time.Instant;

/**
 * What the people of the procedure do by hand, applied to the lab when their task is completed in a
 * rehearsal: a DBA upgrading the SQL Server edition, an operator bringing a hung server back. The process
 * verifies the result afterwards exactly as on real servers. Each action is recorded in the ledger.
 */
public final class LabPersons {

    private final RehearsalLab lab;

    LabPersons(RehearsalLab lab) {
        this.lab = lab;
    }

    /** The edition upgrade from the installation media: same instance, Enterprise edition. */
    public void upgradeSqlServerToEnterprise(String host) {
        lab.locked(() -> {
            LabContext context = lab.context();
            SqlInstanceState sql = context.state().sql.get(LabContext.key(host));
            if (sql == null || sql.edition.startsWith("Enterprise")) {
                return;
            }
            context.operation("upgradeSqlServerEditionByHand");
            context.record(sql.host, "SQL Server edition", sql.edition, BareLab.SQL_EDITION);
            sql.edition = BareLab.SQL_EDITION;
            lab.save();
        });
    }

    /** The operator at the console: whatever the server was stuck in finishes now. */
    public void bringServerBackOnline(String host) {
        lab.locked(() -> {
            LabContext context = lab.context();
            lab.completePendingWorkOn(host);
            HostState state = context.host(host);
            Instant now = context.now();
            if (!state.reachableAt(now)) {
                context.operation("bringServerBackOnlineByHand");
                context.record(state.name, "host", "restarting until " + state.restartingUntil, "up");
                state.restartingUntil = now;
            }
            lab.save();
        });
    }
}
