import { useTranslation } from 'react-i18next';
import type { Task } from '../../../api/schemas';
import { TimelinessBadge } from '../../../components/ui/timeliness-badge';
import { datePart, todayInVietnam } from '../../../domain/dates';
import { useFormat } from '../../../i18n/format';
import { deadlineLabel } from '../utils/describe-change';
import { TaskLocality } from './task-locality';

/** A progress bar that says its value (the bar is decoration). */
export function ProgressMeter({ value, label }: { value: number; label: string }) {
  const { t } = useTranslation();
  return (
    <span className="progress-meter">
      <span
        className="progress progress-wide"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
      >
        <span className="progress-bar" style={{ width: `${value}%` }} />
      </span>
      <strong>{t('common.percent', { value })}</strong>
    </span>
  );
}

/** What was assigned, to whom, by whom, where, by when, and how far it has got. */
export function TaskFacts({ task }: { task: Task }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="card task-facts" aria-labelledby="task-facts-title">
      <h2 id="task-facts-title" className="visually-hidden">
        {t('task.facts.label')}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('task.facts.status')}</dt>
          <dd>
            <span className="status-pill" data-status={task.status}>
              {t(`status.${task.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.timeliness')}</dt>
          <dd>
            <TimelinessBadge value={task.timeliness} />
          </dd>
        </div>
        <div className="facts-wide">
          <dt>{t('task.facts.progress')}</dt>
          <dd>
            <ProgressMeter value={task.progress} label={t('task.facts.progress')} />
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.deadline')}</dt>
          <dd>{task.deadline ? deadlineLabel(task.deadline, f) : t('task.facts.noDeadline')}</dd>
        </div>
        {task.completedAt ? (
          <div>
            <dt>{t('task.facts.completedAt')}</dt>
            <dd>{f.date(task.completedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('task.facts.assignedOn')}</dt>
          <dd>{f.date(datePart(task.createdAt))}</dd>
        </div>
        <div>
          <dt>{t('task.facts.issuer')}</dt>
          <dd>{task.issuer}</dd>
        </div>
        <div>
          <dt>{t('task.facts.assignee')}</dt>
          <dd>{task.assignee}</dd>
        </div>
        <div className="facts-wide">
          <dt>{t('task.facts.locality')}</dt>
          <dd>
            <TaskLocality task={task} />
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.category')}</dt>
          <dd>{t(`category.${task.category}`)}</dd>
        </div>
        <div>
          <dt>{t('task.facts.updatedAt')}</dt>
          <dd>
            {f.date(todayInVietnam(new Date(task.updatedAt)))}{' '}
            <span className="muted">
              ({t('task.facts.version')} {task.version})
            </span>
          </dd>
        </div>
      </dl>
      {task.description ? (
        <div className="task-description">
          <h3>{t('task.facts.description')}</h3>
          <p>{task.description}</p>
        </div>
      ) : null}
    </section>
  );
}
