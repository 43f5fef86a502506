/**
 * The contract of accounts: sign-in and sessions, users and roles, display links for wall screens, and the audit
 * trail. The server validates with these schemas and the client parses every answer with them, like the rest of
 * the contract. The password rules (length, common passwords) live here so the admin form and the server refuse
 * the same passwords.
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, ProblemDetails, queryInt } from './schemas';
import { isCommonPassword } from './session-passwords';

export const ROLES = ['admin', 'editor', 'updater', 'viewer'] as const;
export const Role = z.enum(ROLES).meta({
  id: 'Role',
  description:
    'admin: users, display links, the audit trail and everything else; editor: articles, imports and tasks anywhere; updater: progress updates on the tasks of one unit (`unitCode`); viewer: read only.',
});
export type Role = z.infer<typeof Role>;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** A user name: 3–40 of a–z, 0–9, `.`, `_`, `-`, compared in lower case. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'username_format');

/** A new password: at least 12 characters, not a common one (the reasons are machine-readable for the UI). */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN)
  .max(PASSWORD_MAX)
  .refine((p) => !isCommonPassword(p), { message: 'password_common', params: { reason: 'password_common' } });

export const UnitRef = z
  .object({ code: z.string(), name: z.string() })
  .meta({ id: 'UnitRef', description: 'An administrative unit, by code and full name.' });

export const User = z
  .object({
    id: z.string().min(1),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    /** The unit of an updater (null for the other roles). */
    unit: UnitRef.nullable().meta({
      description: "An updater's unit (today's unit when the code exists in both eras).",
    }),
    disabled: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const DisplayName = z.string().trim().min(1, 'required').max(120);

/** A role's unit: an updater needs one, the other roles have none. */
function checkUnit(value: { role?: Role; unitCode?: string | null }, ctx: z.RefinementCtx) {
  if (value.role === 'updater' && !value.unitCode) {
    ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'unit_required', params: { reason: 'unit_required' } });
  }
  if (value.role !== undefined && value.role !== 'updater' && value.unitCode) {
    ctx.addIssue({
      code: 'custom',
      path: ['unitCode'],
      message: 'unit_only_for_updater',
      params: { reason: 'unit_only_for_updater' },
    });
  }
}

export const UserCreate = z
  .object({
    username: Username,
    password: NewPassword,
    displayName: DisplayName,
    role: Role,
    unitCode: z.string().trim().min(1).max(10).nullable().optional(),
  })
  .superRefine(checkUnit)
  .meta({ id: 'UserCreate' });
export type UserCreate = z.input<typeof UserCreate>;

export const UserPatch = z
  .object({
    username: Username.optional(),
    password: NewPassword.optional(),
    displayName: DisplayName.optional(),
    role: Role.optional(),
    unitCode: z.string().trim().min(1).max(10).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine(checkUnit)
  .meta({
    id: 'UserPatch',
    description:
      'Changes some fields of a user. A new password or `disabled: true` ends every session of the user. The last active admin cannot be demoted or disabled (409).',
  });
export type UserPatch = z.input<typeof UserPatch>;

export const SignInBody = z
  .object({ username: z.string().max(200), password: z.string().max(1000) })
  .meta({ id: 'SignIn' });
export type SignInBody = z.infer<typeof SignInBody>;

export const DisplayRef = z.object({ id: z.string(), label: z.string() }).meta({ id: 'DisplayRef' });

export const Session = z
  .object({
    /** The signed-in user; null on a wall screen opened with a display link, and when signed out. */
    user: User.nullable(),
    display: DisplayRef.nullable().meta({ description: 'The display link a wall screen signed in with.' }),
    expiresAt: IsoDateTime.nullable().meta({ description: 'When the session ends unless used (null: signed out).' }),
    publicRead: z.boolean().meta({ description: 'Whether this deployment lets anyone read (PUBLIC_READ=1).' }),
  })
  .meta({
    id: 'Session',
    description:
      'Who is signed in. Signed out is an answer too (200, user and display null), so a public page or a wall screen that has not signed in yet gets no error.',
  });
export type Session = z.infer<typeof Session>;

export const DisplaySignIn = z.object({ token: z.string().min(1).max(200) }).meta({ id: 'DisplaySignIn' });

/** The answer to signing out (200 with a body rather than 204: every answer of this API is JSON). */
export const SignedOut = z.object({ signedOut: z.literal(true) }).meta({ id: 'SignedOut' });
export type SignedOut = z.infer<typeof SignedOut>;

export const TaskPermissionsQuery = z
  .object({ task: z.string().min(1).max(200).meta({ description: 'The id of the task.' }) })
  .meta({ id: 'TaskPermissionsQuery' });

/** 401: no session (or an expired one), a wrong user name or password, or an unknown or revoked display link. */
export const UnauthenticatedProblem = ProblemDetails.extend({
  publicRead: z.boolean().optional().meta({
    description: 'Whether this deployment lets anyone read (PUBLIC_READ=1): then only writes need a session.',
  }),
}).meta({ id: 'UnauthenticatedProblem', description: 'Sign in first (or the sign-in failed).' });

/** 403: signed in, but not allowed. */
export const ForbiddenProblem = ProblemDetails.extend({
  reason: z.enum(['role', 'outside_unit', 'cross_site']).meta({
    description:
      "role: the caller's role may not do this; outside_unit: the task lies outside the updater's unit; cross_site: the write was sent from another site.",
  }),
  unitCode: z.string().optional().meta({ description: "With outside_unit: the updater's unit." }),
}).meta({ id: 'ForbiddenProblem', description: 'Not allowed.' });

/** 429: too many failed sign-ins for this account or from this address. */
export const TooManySignInsProblem = ProblemDetails.extend({
  retryAfter: z.int().positive().meta({ description: 'Seconds to wait, as in the Retry-After header.' }),
}).meta({ id: 'TooManySignInsProblem', description: 'Too many failed sign-ins: wait before trying again.' });

/** The actions a person can take on one task, as the server decides them. */
export const TaskPermissions = z
  .object({
    taskId: z.string(),
    /** `PATCH /tasks/{id}`: status, deadline, assignee. */
    patch: z.boolean(),
    /** `POST /tasks/{id}/updates`: a progress update. */
    update: z.boolean(),
    /** Why `update` is refused, when it is: no role for it, or the task lies outside the updater's unit. */
    reason: z.enum(['signed_out', 'read_only', 'outside_unit']).nullable(),
  })
  .meta({ id: 'TaskPermissions' });
export type TaskPermissions = z.infer<typeof TaskPermissions>;

export const DisplayLink = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: IsoDateTime,
    createdBy: z.string().meta({ description: 'User name of the admin who created it.' }),
    revokedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'DisplayLink' });
export type DisplayLink = z.infer<typeof DisplayLink>;

export const DisplayLinkList = z.object({ items: z.array(DisplayLink) }).meta({ id: 'DisplayLinkList' });
export type DisplayLinkList = z.infer<typeof DisplayLinkList>;

export const DisplayLinkCreate = z
  .object({ label: z.string().trim().min(1, 'required').max(120) })
  .meta({ id: 'DisplayLinkCreate' });
export type DisplayLinkCreate = z.input<typeof DisplayLinkCreate>;

export const DisplayLinkCreated = DisplayLink.extend({
  token: z.string().meta({ description: 'Shown once: only its hash is stored.' }),
  path: z.string().meta({ description: 'The path a wall screen opens: /present?display=TOKEN.' }),
}).meta({ id: 'DisplayLinkCreated' });
export type DisplayLinkCreated = z.infer<typeof DisplayLinkCreated>;

export const AUDIT_ACTIONS = [
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_in_limited',
  'session.sign_out',
  'session.display',
  'task.patch',
  'task.update',
  'article.create',
  'user.create',
  'user.update',
  'display_link.create',
  'display_link.revoke',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS).meta({ id: 'AuditAction' });
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z
  .object({
    id: z.int().positive().meta({ description: 'Increasing: the order entries were written in.' }),
    at: IsoDateTime,
    actor: z.object({ id: z.string(), username: z.string() }).nullable(),
    action: AuditAction,
    target: z.object({ type: z.string(), id: z.string() }).nullable(),
    before: z.unknown().meta({ description: 'The state before the change (null when none).' }),
    after: z.unknown().meta({ description: 'The state after it, or what was attempted.' }),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry', description: 'One entry of the append-only audit trail.' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z
  .object({
    user: z.string().max(100).optional().meta({ description: 'The id of the user who acted.' }),
    task: z.string().max(100).optional().meta({ description: 'Entries about this task.' }),
    action: AuditAction.optional(),
    from: IsoDate.optional().meta({ description: 'From this day (Vietnam time), inclusive.' }),
    to: IsoDate.optional().meta({ description: 'To this day (Vietnam time), inclusive.' }),
    page: queryInt(1).default(1),
    pageSize: queryInt(1, 200).default(50),
  })
  .meta({ id: 'AuditQuery' });
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditPage = z
  .object({
    items: z.array(AuditEntry).meta({ description: 'Newest first.' }),
    total: z.int().nonnegative(),
    page: z.int().min(1),
    pageSize: z.int().min(1),
  })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
