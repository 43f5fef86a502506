import type { TFunction } from 'i18next';
import type { Deadline } from '../../../api/schemas';
import type { FieldChange } from '../../../domain/task-updates';

type Format = { date: (iso: string) => string };

/** "quý II → 30/06/2022": the deadline as written, then the date it resolves to (once, when they are the same). */
export function deadlineLabel(deadline: Deadline, f: Format): string {
  const date = f.date(deadline.date);
  const text = deadline.text.trim();
  return !text || text === date ? date : `${text} → ${date}`;
}

/** One changed field in words: its label and its old and new values as a reader expects them. */
export function describeChange(
  change: FieldChange,
  t: TFunction,
  f: Format,
): { label: string; from: string; to: string } {
  const none = t('task.change.none');
  switch (change.field) {
    case 'status':
      return { label: t('task.change.status'), from: t(`status.${change.from}`), to: t(`status.${change.to}`) };
    case 'progress':
      return {
        label: t('task.change.progress'),
        from: t('common.percent', { value: change.from }),
        to: t('common.percent', { value: change.to }),
      };
    case 'deadline':
      return {
        label: t('task.change.deadline'),
        from: change.from ? deadlineLabel(change.from, f) : none,
        to: change.to ? deadlineLabel(change.to, f) : none,
      };
    case 'assignee':
      return { label: t('task.change.assignee'), from: change.from || none, to: change.to || none };
    case 'completedAt':
      return {
        label: t('task.change.completedAt'),
        from: change.from ? f.date(change.from) : none,
        to: change.to ? f.date(change.to) : none,
      };
  }
}
