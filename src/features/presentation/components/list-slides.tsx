import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Article, Task, TaskFilters } from '../../../api/schemas';
import { useFormat } from '../../../i18n/format';
import { daysOverdue, wallTitle } from '../utils/shape';
import { Swatch } from './donut-figure';
import type { SlideCommon } from './figure-slides';
import { SlideFrame } from './slide-frame';

function Deadline({ task }: { task: Task }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!task.deadline) return <>{t('present.flagship.noDeadline')}</>;
  return (
    <>
      {f.date(task.deadline.date)} <span className="p-deadline-text">({task.deadline.text})</span>
    </>
  );
}

function ProgressBar({ value }: { value: number }) {
  return (
    <span className="p-progress" aria-hidden="true">
      <span className="p-progress-bar" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </span>
  );
}

/** The longest-overdue open tasks, a page of at most a few rows in large type. */
export function OverdueSlide({
  tasks,
  page,
  pages,
  firstRank,
  listed,
  overdueCount,
  asOf,
  filters,
  ...common
}: SlideCommon & {
  tasks: Task[];
  page: number;
  pages: number;
  firstRank: number;
  /** Tasks in the whole list, on all its pages (the API's longest overdue; fewer than all when it is capped). */
  listed: number;
  overdueCount: number;
  asOf: string;
  /** The show's filters: every page of a list that stops short says so, and links to every overdue task. */
  filters?: TaskFilters;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const eyebrow = [
    t('present.overdue.count', { count: overdueCount, formatted: f.number(overdueCount) }),
    pages > 1 ? t('present.overdue.page', { page, pages }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <SlideFrame kind="overdue" eyebrow={eyebrow} title={t('present.overdue.title')} {...common}>
      {tasks.length === 0 ? (
        <div className="p-calm p-good-news">
          <p className="p-calm-main">{t('present.overdue.none')}</p>
          <p>{t('present.overdue.noneDetail')}</p>
        </div>
      ) : (
        <table className="p-table">
          <thead>
            <tr>
              <th scope="col" className="p-num">
                #
              </th>
              <th scope="col">{t('present.overdue.task')}</th>
              <th scope="col">{t('present.overdue.assignee')}</th>
              <th scope="col">{t('present.overdue.deadline')}</th>
              <th scope="col" className="p-num">
                {t('present.overdue.late')}
              </th>
              <th scope="col" className="p-num">
                {t('present.overdue.progress')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task, i) => (
              <tr key={task.id}>
                <td className="p-num p-rank-cell">{firstRank + i}</td>
                <th scope="row" className="p-task-title">
                  {task.flagship ? (
                    <span className="p-star" aria-hidden="true">
                      ★{' '}
                    </span>
                  ) : null}
                  {wallTitle(task.title)}
                </th>
                <td className="p-assignee">{task.assignee}</td>
                <td className="p-deadline">
                  <Deadline task={task} />
                </td>
                <td className="p-num p-late">{t('present.overdue.days', { count: daysOverdue(task, asOf) })}</td>
                <td className="p-num">{t('common.percent', { value: task.progress })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tasks.length > 0 && overdueCount > listed ? (
        <p className="p-more">
          {pages > 1 ? `${t('present.overdue.page', { page, pages })} · ` : null}
          {t('present.overdue.more', { shown: f.number(listed), total: f.number(overdueCount) })}{' '}
          <Link
            to="/tasks"
            search={{
              ...filtersSearch(filters),
              timeliness: ['overdue'],
              sort: '-overdueDays',
            }}
          >
            {t('present.overdue.seeAll', { formatted: f.number(overdueCount) })}
          </Link>
        </p>
      ) : null}
    </SlideFrame>
  );
}

/** The filters of a show as `/tasks` search params (the era only when it is the former one). */
function filtersSearch(filters: TaskFilters | undefined) {
  if (!filters) return {};
  const { era, ...rest } = filters;
  return { ...rest, era: era === 'pre2025' ? ('pre2025' as const) : undefined };
}

/** One flagship project: its progress, deadline, last update and the words that assigned it. */
export function FlagshipSlide({
  task,
  index,
  count,
  article,
  total,
  ...common
}: SlideCommon & { task: Task; index: number; count: number; article: Article | undefined; total: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <SlideFrame
      kind="flagship"
      eyebrow={`${t('present.flagship.eyebrow', { index, count })} · ${t(`category.${task.category}`)}`}
      title={wallTitle(task.title)}
      note={
        total > count ? t('present.flagship.capped', { shown: f.number(count), total: f.number(total) }) : undefined
      }
      {...common}
    >
      <div className="p-flagship">
        <div className="p-flagship-figures">
          <p className="p-flagship-progress">
            <span className="p-flagship-label">{t('present.flagship.progress')}</span>
            <span className="p-flagship-percent">{t('common.percent', { value: task.progress })}</span>
            <ProgressBar value={task.progress} />
          </p>
          <dl className="p-facts">
            <div>
              <dt>{t('present.flagship.status')}</dt>
              <dd>
                <Swatch timeliness={task.timeliness} /> {t(`status.${task.status}`)} ·{' '}
                {t(`timeliness.${task.timeliness}`)}
              </dd>
            </div>
            <div>
              <dt>{t('present.flagship.deadline')}</dt>
              <dd>
                <Deadline task={task} />
              </dd>
            </div>
            <div>
              <dt>{t('present.flagship.updated')}</dt>
              <dd>
                {f.date(task.updatedAt)}
                {task.completedAt ? (
                  <span className="p-deadline-text">
                    {' '}
                    ({t('present.flagship.completedAt', { date: f.date(task.completedAt) })})
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>{t('present.flagship.assignee')}</dt>
              <dd>{task.assignee}</dd>
            </div>
          </dl>
        </div>
        {task.quote ? (
          <figure className="p-quote">
            <figcaption className="p-quote-label">{t('present.flagship.quote')}</figcaption>
            <blockquote>
              <p>“{task.quote.text}”</p>
            </blockquote>
            <p className="p-quote-source">
              {article
                ? t('present.flagship.source', {
                    issuer: task.issuer,
                    article: article.title,
                    date: f.date(article.date),
                  })
                : t('present.flagship.sourceNoArticle', { issuer: task.issuer })}
            </p>
          </figure>
        ) : null}
      </div>
      {task.description ? <p className="p-flagship-description">{task.description}</p> : null}
    </SlideFrame>
  );
}
