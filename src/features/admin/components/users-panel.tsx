/** Accounts: the list with role, unit and state; add one; change role, unit, name, password; disable. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../../api/session-schemas';
import { useCreateUser, useUpdateUser, useUsers } from '../../../api/users';
import { errorText } from '../../../components/ui/error-text';
import { adminErrorText } from './field-error';

function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`accounts.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function NewUserForm() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [v, setV] = useState({ username: '', displayName: '', password: '', role: 'viewer' as Role, unitCode: '' });
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    create.mutate(
      { ...v, unitCode: v.role === 'updater' ? v.unitCode.trim() || null : null },
      {
        onSuccess: (user) => {
          setDone(t('accounts.admin.users.created', { username: user.username }));
          setV({ username: '', displayName: '', password: '', role: 'viewer', unitCode: '' });
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-user-title">
      <h3 id="new-user-title">{t('accounts.admin.users.create')}</h3>
      <div className="admin-form">
        <div className="form-field">
          <label htmlFor="new-username">{t('accounts.admin.users.username')}</label>
          <input
            id="new-username"
            autoComplete="off"
            value={v.username}
            onChange={(e) => setV({ ...v, username: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor="new-display-name">{t('accounts.admin.users.displayName')}</label>
          <input
            id="new-display-name"
            value={v.displayName}
            onChange={(e) => setV({ ...v, displayName: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor="new-password">{t('accounts.admin.users.password')}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            aria-describedby="new-password-hint"
            value={v.password}
            onChange={(e) => setV({ ...v, password: e.target.value })}
          />
        </div>
        <div className="form-field">
          <label htmlFor="new-role">{t('accounts.admin.users.role')}</label>
          <RoleSelect id="new-role" value={v.role} onChange={(role) => setV({ ...v, role })} />
        </div>
        {v.role === 'updater' ? (
          <div className="form-field">
            <label htmlFor="new-unit">{t('accounts.admin.users.unitCode')}</label>
            <input
              id="new-unit"
              inputMode="numeric"
              aria-describedby="new-unit-hint"
              value={v.unitCode}
              onChange={(e) => setV({ ...v, unitCode: e.target.value })}
            />
            <small id="new-unit-hint">{t('accounts.admin.users.unitHint')}</small>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('accounts.admin.users.creating') : t('accounts.admin.users.create')}
        </button>
      </div>
      <p id="new-password-hint" className="card-intro">
        {t('accounts.admin.users.passwordHint')}
      </p>
      {create.isError ? <p role="alert">{adminErrorText(create.error, t)}</p> : null}
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [editing, setEditing] = useState(false);
  const [v, setV] = useState({ role: user.role, unitCode: user.unit?.code ?? '', password: '' });
  const [done, setDone] = useState<string | null>(null);
  const save = (patch: Parameters<typeof update.mutate>[0]['patch']) =>
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: (u) => {
          setDone(t('accounts.admin.users.saved', { username: u.username }));
          setEditing(false);
        },
      },
    );
  return (
    <tr>
      <th scope="row">
        {user.displayName}
        <br />
        <small>{user.username}</small>
      </th>
      <td>{t(`accounts.roles.${user.role}`)}</td>
      <td>{user.unit ? `${user.unit.name} (${user.unit.code})` : '—'}</td>
      <td>{user.disabled ? t('accounts.admin.users.disabled') : t('accounts.admin.users.active')}</td>
      <td>
        {editing ? (
          <form
            className="admin-form"
            aria-label={t('accounts.admin.users.edit', { username: user.username })}
            onSubmit={(e) => {
              e.preventDefault();
              save({
                role: v.role,
                unitCode: v.role === 'updater' ? v.unitCode.trim() || null : null,
                ...(v.password ? { password: v.password } : {}),
              });
            }}
          >
            <div className="form-field">
              <label htmlFor={`role-${user.id}`}>{t('accounts.admin.users.role')}</label>
              <RoleSelect id={`role-${user.id}`} value={v.role} onChange={(role) => setV({ ...v, role })} />
            </div>
            {v.role === 'updater' ? (
              <div className="form-field">
                <label htmlFor={`unit-${user.id}`}>{t('accounts.admin.users.unitCode')}</label>
                <input
                  id={`unit-${user.id}`}
                  value={v.unitCode}
                  onChange={(e) => setV({ ...v, unitCode: e.target.value })}
                />
              </div>
            ) : null}
            <div className="form-field">
              <label htmlFor={`password-${user.id}`}>{t('accounts.admin.users.newPassword')}</label>
              <input
                id={`password-${user.id}`}
                type="password"
                autoComplete="new-password"
                value={v.password}
                onChange={(e) => setV({ ...v, password: e.target.value })}
              />
            </div>
            <div className="button-row">
              <button type="submit" className="button" disabled={update.isPending}>
                {t('accounts.admin.users.save')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setEditing(false)}>
                {t('accounts.admin.users.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('accounts.admin.users.edit', { username: user.username })}
              onClick={() => setEditing(true)}
            >
              {t('accounts.admin.users.editButton')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={update.isPending}
              onClick={() => save({ disabled: !user.disabled })}
            >
              {user.disabled ? t('accounts.admin.users.enable') : t('accounts.admin.users.disable')}
            </button>
          </div>
        )}
        {update.isError ? <p role="alert">{adminErrorText(update.error, t)}</p> : null}
        {done ? <p role="status">{done}</p> : null}
      </td>
    </tr>
  );
}

export function UsersPanel() {
  const { t } = useTranslation();
  const users = useUsers();
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title" className="card-title">
        {t('accounts.admin.users.title')}
      </h2>
      <p className="card-intro">{t('accounts.admin.users.sessionsEnd')}</p>
      {users.isError ? <p role="alert">{errorText(users.error, t)}</p> : null}
      <div className="admin-table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('accounts.admin.users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.admin.users.displayName')}</th>
              <th scope="col">{t('accounts.admin.users.role')}</th>
              <th scope="col">{t('accounts.admin.users.unit')}</th>
              <th scope="col">{t('accounts.admin.users.state')}</th>
              <th scope="col">{t('accounts.admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <UserRow key={`${u.id}-${u.updatedAt}`} user={u} />
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm />
    </section>
  );
}
