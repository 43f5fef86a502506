/**
 * Who is signed in, signing in and out, and what the signed-in person may do. The server decides (its permission
 * table); the interface asks it and offers only what it would accept: `useCan` for the actions of a role, and
 * `useTaskPermissions` for one task (an updater's unit).
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, apiGet, apiRequest } from './client';
import type { DisplayRef, Role, User } from './session-schemas';

/** The session as the interface holds it: signed out is an answer too, with whether reads are public. */
export interface SessionState {
  user: User | null;
  display: z.infer<typeof DisplayRef> | null;
  publicRead: boolean;
}

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'current'] as const,
      queryFn: async ({ signal }): Promise<SessionState> => {
        try {
          const s = await apiGet('/session', (c) => c.Session, { signal });
          return { user: s.user, display: s.display, publicRead: s.publicRead };
        } catch (error) {
          // The session the browser had has ended (the server cleared its cookie): signed out.
          if (error instanceof ApiError && error.status === 401) {
            return { user: null, display: null, publicRead: error.problem?.publicRead === true };
          }
          throw error;
        }
      },
      staleTime: 60_000,
      retry: false,
    }),
  task: (taskId: string) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), 'task', taskId] as const,
      queryFn: ({ signal }) =>
        apiGet('/session/permissions', (c) => c.TaskPermissions, { query: { task: taskId }, signal }),
      staleTime: 60_000,
    }),
};

export function useSession() {
  return useQuery(sessionQueries.current());
}

/** The actions the interface offers by role (the server's permission table decides; this only hides). */
export type Action = 'updateTask' | 'patchTask' | 'addArticle' | 'admin';
const ALLOWED: Record<Action, readonly Role[]> = {
  updateTask: ['admin', 'editor', 'updater'],
  patchTask: ['admin', 'editor'],
  addArticle: ['admin', 'editor'],
  admin: ['admin'],
};

/** Whether the signed-in person's role allows an action (for an updater, `updateTask` still depends on the task). */
export function can(user: User | null | undefined, action: Action): boolean {
  return !!user && ALLOWED[action].includes(user.role);
}

export function useCan(action: Action): boolean {
  const session = useSession();
  return can(session.data?.user, action);
}

/** What the server lets the signed-in person do with this task (an updater: only within their unit). */
export function useTaskPermissions(taskId: string) {
  return useQuery(sessionQueries.task(taskId));
}

/** What a change of session keeps in the cache: the session itself and the demo's own settings. */
const KEPT = new Set(['session', 'mock-settings']);

function useResetAfterSessionChange() {
  const client = useQueryClient();
  // Everything cached was read as someone else: start again.
  return () => {
    client.removeQueries({ predicate: (q) => !KEPT.has(String(q.queryKey[0])) });
    return client.invalidateQueries({ queryKey: sessionQueries.all() });
  };
}

export function useSignIn() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      apiRequest('POST', '/session', (c) => c.Session, { body }),
    onSuccess: () => reset(),
  });
}

export function useDisplaySignIn() {
  const reset = useResetAfterSessionChange();
  return useMutation({
    mutationFn: (token: string) => apiRequest('POST', '/session/display', (c) => c.Session, { body: { token } }),
    onSuccess: () => reset(),
  });
}

/** The sign-out mutation's key: the live stream stays closed while one is under way (src/app/live-updates.tsx). */
export const SIGN_OUT_KEY = ['session', 'signOut'] as const;

export function useSignOut() {
  const client = useQueryClient();
  const reset = useResetAfterSessionChange();
  const others = { predicate: (q: { queryKey: readonly unknown[] }) => !KEPT.has(String(q.queryKey[0])) };
  return useMutation({
    mutationKey: SIGN_OUT_KEY,
    // Reads in flight are dropped before the session ends: answered after it, they were 401s.
    onMutate: () => client.cancelQueries(others),
    mutationFn: () => apiRequest('DELETE', '/session', (c) => c.SignedOut),
    onSuccess: async () => {
      // Signed out is known: say so before anything cached goes, so the session gate takes the data screens away
      // in the same render. Dropped under a mounted screen, their queries were fetched again without a session (401s).
      await client.cancelQueries(others);
      client.setQueryData(sessionQueries.current().queryKey, (old) => ({
        user: null,
        display: null,
        publicRead: old?.publicRead ?? false,
      }));
      client.removeQueries(others);
    },
    // Not signed out (the server was unreachable, say): read the session again, whatever it is now.
    onError: () => reset(),
  });
}
