/** Administration: users and display links (`/users`, `/display-links`; admin only on the server). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from './client';
import {
  DisplayLink,
  DisplayLinkCreated,
  DisplayLinkList,
  User,
  type UserCreate,
  UserList,
  type UserPatch,
} from './session-schemas';

export const usersQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...usersQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiGet('/users', UserList, { signal }),
    }),
};

export const displayLinksQueries = {
  all: () => ['display-links'] as const,
  list: () =>
    queryOptions({
      queryKey: [...displayLinksQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiGet('/display-links', DisplayLinkList, { signal }),
    }),
};

export const useUsers = () => useQuery(usersQueries.list());
export const useDisplayLinks = () => useQuery(displayLinksQueries.list());

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => apiRequest('POST', '/users', User, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueries.all() }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      apiRequest('PATCH', `/users/${encodeURIComponent(id)}`, User, { body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueries.all() }),
  });
}

export function useCreateDisplayLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => apiRequest('POST', '/display-links', DisplayLinkCreated, { body: { label } }),
    onSuccess: () => client.invalidateQueries({ queryKey: displayLinksQueries.all() }),
  });
}

export function useRevokeDisplayLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/display-links/${encodeURIComponent(id)}`, DisplayLink),
    onSuccess: () => client.invalidateQueries({ queryKey: displayLinksQueries.all() }),
  });
}
