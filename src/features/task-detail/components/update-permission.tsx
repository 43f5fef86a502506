/**
 * Offers the update form only to someone the server would let record it, and otherwise says why in a sentence
 * ("Bạn chỉ cập nhật được nhiệm vụ thuộc Tỉnh Vĩnh Long"). The server decides (GET /session/permissions).
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useTaskPermissions } from '../../../api/session';

export function UpdatePermission({ taskId, children }: { taskId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const permissions = useTaskPermissions(taskId);
  // Until the answer comes (or if it cannot), the form shows: the server refuses what it must anyway.
  if (!permissions.data || permissions.data.update) return children;
  const user = session.data?.user;
  const reason = permissions.data.reason;
  return (
    <section className="card" aria-labelledby="update-permission-title">
      <h2 id="update-permission-title" className="card-title">
        {t('task.form.title')}
      </h2>
      <p className="can-note">
        {reason === 'outside_unit' && user?.unit
          ? t('accounts.can.outsideUnit', { unit: user.unit.name })
          : reason === 'signed_out' || !user
            ? t('accounts.can.signedOut')
            : t('accounts.can.readOnly', { role: t(`accounts.roles.${user.role}`) })}
      </p>
      {!user ? <Link to="/sign-in">{t('accounts.header.signIn')}</Link> : null}
    </section>
  );
}
