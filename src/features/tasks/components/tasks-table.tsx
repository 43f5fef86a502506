import {
  createColumnHelper,
  FlexRender,
  type Row,
  type RowSelectionState,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type MouseEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task, TaskSort } from '../../../api/schemas';
import { TIMELINESS_COLORS } from '../../../components/charts/palette';
import { useFormat } from '../../../i18n/format';
import { DESC_FIRST, type SortableColumn, sortToState, stateToSort } from '../utils/sorting';

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const helper = createColumnHelper<typeof features, Task>();

/** Every row has this height (CSS keeps it), so the virtualiser needs no measuring. */
export const ROW_HEIGHT = 56;
/** Rows from the end of the loaded ones at which the next page is requested. */
const PREFETCH_ROWS = 40;

/** Selection of rows by task id, controlled by the owner (bulk actions build on it). */
export interface TableSelection {
  value: RowSelectionState;
  onChange: (next: RowSelectionState) => void;
}

export interface TasksTableProps {
  tasks: readonly Task[];
  /** All matching tasks (the API's total), for aria-rowcount and the end of the list. */
  total: number;
  sort: TaskSort;
  onSortChange: (sort: TaskSort) => void;
  /** Called when the rows near the end are shown and more remain. */
  onNeedMore: () => void;
  localityLabel: (task: Task) => string | null;
  taskHref: (id: string) => string;
  onOpenTask: (id: string) => void;
  caption: string;
  /** With a selection, the first column holds a checkbox per row (and one for every loaded row). */
  selection?: TableSelection;
  /** Dims the rows while they are the previous filters' (a new result is on its way). */
  stale?: boolean;
}

const isInteractive = (el: EventTarget | null) =>
  el instanceof Element && Boolean(el.closest('a, button, input, select, textarea, label'));

/**
 * The task list: a real <table> (header cells, row headers, aria-sort) whose body is virtualised (only the rows in
 * view are in the DOM, spacer rows keep the scroll height), over pages appended as the user scrolls. Sorting is the
 * API's (manual). Rows are keyboard navigable: one row is in the tab order; arrows, Page Up/Down, Home/End move,
 * Enter opens the task, Space toggles its selection.
 */
export function TasksTable({
  tasks,
  total,
  sort,
  onSortChange,
  onNeedMore,
  localityLabel,
  taskHref,
  onOpenTask,
  caption,
  selection,
  stale = false,
}: TasksTableProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const focusPending = useRef(false);

  const sorting = useMemo<SortingState>(() => [sortToState(sort)], [sort]);
  const columns = useMemo(() => {
    const sortable = (id: SortableColumn) => ({ enableSorting: true, sortDescFirst: DESC_FIRST.has(id) });
    const select = helper.display({
      id: 'select',
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t('tasks.selectAll')}
          checked={table.getIsAllRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={() => table.toggleAllRowsSelected()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={t('tasks.selectRow', { title: row.original.title })}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          tabIndex={-1}
        />
      ),
    });
    const rest = helper.columns([
      helper.accessor('title', {
        header: t('tasks.columns.title'),
        ...sortable('title'),
        cell: ({ row }) => {
          const task = row.original;
          return (
            <a
              href={taskHref(task.id)}
              tabIndex={-1}
              className="task-link"
              onClick={(e: MouseEvent) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                onOpenTask(task.id);
              }}
            >
              {task.flagship ? (
                <span className="flagship-mark" title={t('tasks.flagship')}>
                  <span aria-hidden="true">★ </span>
                  <span className="visually-hidden">{t('tasks.flagship')}: </span>
                </span>
              ) : null}
              {task.title}
            </a>
          );
        },
      }),
      helper.accessor((task) => task.localityCodes.join(' '), {
        id: 'locality',
        header: t('tasks.columns.locality'),
        ...sortable('locality'),
        cell: ({ row }) => localityLabel(row.original) ?? '…',
      }),
      helper.accessor('assignee', { header: t('tasks.columns.assignee'), ...sortable('assignee') }),
      helper.accessor('category', {
        header: t('tasks.columns.category'),
        ...sortable('category'),
        cell: ({ getValue }) => t(`category.${getValue()}`),
      }),
      helper.accessor('deadline', {
        header: t('tasks.columns.deadline'),
        ...sortable('deadline'),
        cell: ({ getValue }) => {
          const d = getValue();
          return d ? (
            <>
              {f.date(d.date)}
              <span className="deadline-text"> {d.text}</span>
            </>
          ) : (
            <span className="muted">—</span>
          );
        },
      }),
      helper.accessor('timeliness', {
        header: t('tasks.columns.timeliness'),
        ...sortable('timeliness'),
        cell: ({ getValue }) => (
          <span className="tl-label">
            <span className="swatch" style={{ background: TIMELINESS_COLORS[getValue()] }} aria-hidden="true" />
            {t(`timeliness.${getValue()}`)}
          </span>
        ),
      }),
      helper.accessor('status', {
        header: t('tasks.columns.status'),
        enableSorting: false,
        cell: ({ getValue }) => (
          <span className="status-pill status-pill-small" data-status={getValue()}>
            {t(`status.${getValue()}`)}
          </span>
        ),
      }),
      helper.accessor('progress', {
        header: t('tasks.columns.progress'),
        ...sortable('progress'),
        cell: ({ getValue }) => (
          <>
            <span className="progress" aria-hidden="true">
              <span className="progress-bar" style={{ width: `${getValue()}%` }} />
            </span>
            {t('common.percent', { value: getValue() })}
          </>
        ),
      }),
      helper.accessor('updatedAt', {
        header: t('tasks.columns.updatedAt'),
        ...sortable('updatedAt'),
        cell: ({ getValue }) => f.date(getValue()),
      }),
    ]);
    return selection ? helper.columns([select, ...rest]) : rest;
  }, [t, f, localityLabel, taskHref, onOpenTask, selection]);

  const table = useTable({
    features,
    columns,
    data: tasks as Task[],
    getRowId: (task) => task.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: Boolean(selection),
    state: { sorting, rowSelection: selection?.value ?? EMPTY_SELECTION },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSortChange(stateToSort(next[0]));
    },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      if (!selection) return;
      selection.onChange(typeof updater === 'function' ? updater(selection.value) : updater);
    },
  });

  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Let React batch the renders a scroll causes (smoother than a synchronous render per scroll event).
    useFlushSync: false,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (rows.length < total && lastShown >= rows.length - PREFETCH_ROWS) onNeedMore();
  }, [lastShown, rows.length, total, onNeedMore]);

  // A new result (other filters or sort) starts again at the first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the list itself changes
  useEffect(() => {
    setFocusIndex(0);
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [sort, tasks.length === 0 ? 0 : tasks[0]?.id]);

  // Focus follows the focus index once its row is in the DOM (it may have to be scrolled into view first).
  useEffect(() => {
    if (!focusPending.current) return;
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusIndex}"]`);
      if (row) {
        focusPending.current = false;
        row.focus({ preventScroll: true });
      } else if (tries++ < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    focusPending.current = true;
    setFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as Element).closest<HTMLElement>('tr[data-index]');
    if (!tr) return;
    const index = Number(tr.dataset.index);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    let target: number | null = null;
    if (e.key === 'ArrowDown') target = index + 1;
    else if (e.key === 'ArrowUp') target = index - 1;
    else if (e.key === 'PageDown') target = index + page;
    else if (e.key === 'PageUp') target = index - page;
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = rows.length - 1;
    if (target !== null && e.target === tr) {
      e.preventDefault();
      moveTo(target);
      return;
    }
    const task = rows[index]?.original;
    if (!task || e.target !== tr) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpenTask(task.id);
    } else if (e.key === ' ' && selection) {
      e.preventDefault();
      rows[index]?.toggleSelected();
    }
  };

  const headerGroup = table.getHeaderGroups()[0];
  const columnCount = headerGroup?.headers.length ?? 1;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const safeFocus = Math.min(focusIndex, Math.max(0, rows.length - 1));

  return (
    <div className="tasks-scroll" ref={scrollRef} data-stale={stale || undefined}>
      <table className="data-table tasks-table" aria-rowcount={total + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {headerGroup?.headers.map((h) => (
            <col key={h.id} className={`col-${h.column.id}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headerGroup?.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const canSort = header.column.getCanSort();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={`col-${header.column.id}`}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {canSort ? (
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                      <span className="sort-mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr className="spacer" style={{ height: paddingTop }}>
              <td colSpan={columnCount} aria-hidden="true" />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TaskRow
                key={row.id}
                row={row}
                index={item.index}
                focusable={item.index === safeFocus}
                selected={selection ? row.getIsSelected() : false}
                columns={columns}
                onFocusIndex={setFocusIndex}
                onOpen={onOpenTask}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr className="spacer" style={{ height: paddingBottom }}>
              <td colSpan={columnCount} aria-hidden="true" />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

const EMPTY_SELECTION: RowSelectionState = {};

/**
 * One row. Memoised: while scrolling, only the rows that come into view render; a row re-renders when its focus,
 * its selection or the columns (e.g. locality names arriving) change.
 */
const TaskRow = memo(function TaskRow({
  row,
  index,
  focusable,
  selected: _selected,
  columns: _columns,
  onFocusIndex,
  onOpen,
}: {
  row: Row<typeof features, Task>;
  index: number;
  focusable: boolean;
  /** Not read here: a change re-renders the row (its checkbox reads the selection from the row). */
  selected: boolean;
  /** Not read here: new columns re-render the row. */
  columns: unknown;
  onFocusIndex: (index: number) => void;
  onOpen: (id: string) => void;
}) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={focusable ? 0 : -1}
      className="task-row"
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusIndex(index);
      }}
      onClick={(e) => {
        onFocusIndex(index);
        if (!isInteractive(e.target)) onOpen(row.original.id);
      }}
    >
      {row.getAllCells().map((cell) =>
        cell.column.id === 'title' ? (
          <th key={cell.id} scope="row" className={`col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </th>
        ) : (
          <td key={cell.id} className={`col-${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ),
      )}
    </tr>
  );
});
