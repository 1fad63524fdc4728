package com.eceops.runbook.security;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;

/**
 * One Tasklist filter per group, each readable by its group only. Managers get a filter over every open
 * task, which they can read but not work.
 */
class TasklistFilters {

    private final FilterService filters;
    private final TaskService tasks;
    private final GroupAuthorizations grants;

    TasklistFilters(FilterService filters, TaskService tasks, GroupAuthorizations grants) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    void ensureFilters() {
        int priority = 0;
        for (RunbookGroup group : RunbookGroup.values()) {
            Filter filter = filters.createFilterQuery().filterName(group.filterName()).singleResult();
            if (filter == null) {
                var query = group == RunbookGroup.MANAGERS
                        ? tasks.createTaskQuery().active()
                        : tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks();
                filter = filters.newTaskFilter(group.filterName())
                        .setOwner(null)
                        .setQuery(query)
                        .setProperties(Map.of(
                                "description", "Tasks for " + group.displayName().toLowerCase(),
                                "priority", priority,
                                "refresh", true));
                filters.saveFilter(filter);
            }
            grants.grantFilterRead(group, filter.getId());
            priority++;
        }
    }
}
