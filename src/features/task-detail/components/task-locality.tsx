import { useTranslation } from 'react-i18next';
import { refKey, useLocalityPaths } from '../../../api/locality-lookup';
import type { Locality, Task } from '../../../api/schemas';
import { taskEra } from '../../../domain/localities';

const pathText = (path: readonly Locality[]) => path.map((u) => u.name).join(' › ');

/** Units grouped under their province: "Tỉnh Vĩnh Long › Xã Chợ Lách, Xã Vĩnh Thành". */
function grouped(paths: readonly Locality[][]): string[] {
  const byParent = new Map<string, string[]>();
  for (const path of paths) {
    const unit = path.at(-1);
    if (!unit) continue;
    const parent = path.length > 1 ? pathText(path.slice(0, -1)) : '';
    const list = byParent.get(parent) ?? [];
    if (!list.includes(unit.name)) list.push(unit.name);
    byParent.set(parent, list);
  }
  return [...byParent].map(([parent, names]) => (parent ? `${parent} › ${names.join(', ')}` : names.join(', ')));
}

/**
 * Where the task is, in the units in force when it was assigned and in today's units: a task assigned in 2022 to
 * huyện Chợ Lách (Bến Tre) reads "Tỉnh Bến Tre › Huyện Chợ Lách", and today "Tỉnh Vĩnh Long › Xã Chợ Lách, …".
 */
export function TaskLocality({ task }: { task: Task }) {
  const { t } = useTranslation();
  const era = taskEra(task.createdAt);
  const own = useLocalityPaths(task.localityCodes.map((code) => ({ era, code })));
  const ownPaths = task.localityCodes.flatMap((code) => {
    const p = own.data?.get(refKey(era, code));
    return p ? [p] : [];
  });
  const successorCodes = era === 'pre2025' ? [...new Set(ownPaths.flatMap((p) => p.at(-1)?.successorCodes ?? []))] : [];
  const successors = useLocalityPaths(
    successorCodes.map((code) => ({ era: 'post2025' as const, code })),
    era === 'pre2025' && own.isSuccess,
  );
  const successorPaths = successorCodes.flatMap((code) => {
    const p = successors.data?.get(refKey('post2025', code));
    return p ? [p] : [];
  });

  // Codes the unit list does not know (a bad import, a stale code) are shown as such, never silently dropped.
  const unknownCodes = own.isSuccess ? task.localityCodes.filter((code) => !own.data?.get(refKey(era, code))) : [];
  const unknownNote =
    unknownCodes.length > 0 ? (
      <p className="locality-unknown">{t('task.locality.unknown', { codes: unknownCodes.join(', ') })}</p>
    ) : null;

  if (task.localityCodes.length === 0) return <span>{t('task.locality.none')}</span>;
  if (own.isPending) return <span role="status">{t('task.locality.loading')}</span>;
  if (own.isError) {
    return <span>{t('task.locality.error', { codes: task.localityCodes.join(', ') })}</span>;
  }
  if (ownPaths.length === 0) return unknownNote;
  if (era === 'post2025') {
    return (
      <>
        <ul className="locality-lines">
          {grouped(ownPaths).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {unknownNote}
      </>
    );
  }
  return (
    <>
      <dl className="locality-eras">
        <dt>{t('task.locality.before')}</dt>
        <dd>
          <ul className="locality-lines">
            {grouped(ownPaths).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('task.locality.today')}</dt>
        <dd>
          {successors.isPending && successorCodes.length > 0 ? (
            <span role="status">{t('task.locality.loading')}</span>
          ) : successorPaths.length > 0 ? (
            <ul className="locality-lines">
              {grouped(successorPaths).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <span>{t('task.locality.noSuccessor')}</span>
          )}
        </dd>
      </dl>
      {unknownNote}
    </>
  );
}
