import type { Task } from '../../../api/schemas';
import { compareVi } from '../../../domain/text';

export interface AssigneeGroup {
  assignee: string;
  tasks: Task[];
}

/**
 * Tasks grouped by assignee, keeping the order the API gave within each group (nearest deadline first); the groups
 * with the most tasks first, then the one with the most pressing task, then by name.
 */
export function groupByAssignee(tasks: readonly Task[]): AssigneeGroup[] {
  const groups = new Map<string, AssigneeGroup & { first: number }>();
  tasks.forEach((task, i) => {
    const g = groups.get(task.assignee) ?? { assignee: task.assignee, tasks: [], first: i };
    g.tasks.push(task);
    groups.set(task.assignee, g);
  });
  return [...groups.values()]
    .sort((a, b) => b.tasks.length - a.tasks.length || a.first - b.first || compareVi(a.assignee, b.assignee))
    .map(({ assignee, tasks: list }) => ({ assignee, tasks: list }));
}
