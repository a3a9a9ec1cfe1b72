package org.govchat.department;

import org.govchat.platform.cluster.PostgresNotifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a committed change to a department visible at once on every replica: this one forgets its catalog
 * snapshot after the commit, the others when PostgreSQL delivers the notification (which it does only if
 * the transaction commits). The catalog's short cache lifetime remains the safety net if a notification
 * is missed while a replica reconnects.
 */
@Component
class DepartmentChanges {

    static final String CHANNEL = "govchat_department_changed";

    private final DepartmentCatalog catalog;
    private final PostgresNotifications notifications;

    DepartmentChanges(DepartmentCatalog catalog, PostgresNotifications notifications) {
        this.catalog = catalog;
        this.notifications = notifications;
        notifications.listen(CHANNEL, departmentId -> catalog.refresh());
    }

    /** Call inside the transaction that changes the department. */
    void changed(String departmentId) {
        notifications.notify(CHANNEL, departmentId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    catalog.refresh();
                }
            });
        } else {
            catalog.refresh();
        }
    }
}
