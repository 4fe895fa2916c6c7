import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { UploadLink, UploadLinkCreate } from '../types';
import { ticketKeys } from './keys';

/** GET /api/v1/tickets/{id}/upload-links — the links made for a ticket (without their URLs). */
export async function getUploadLinks(ticketId: number, signal?: AbortSignal): Promise<UploadLink[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/tickets/{ticket_id}/upload-links', {
      params: { path: { ticket_id: ticketId }, query: { limit: 50 } },
      signal,
    }),
  );
  return data.items;
}

export function uploadLinksQueryOptions(ticketId: number) {
  return queryOptions({
    queryKey: ticketKeys.uploadLinks(ticketId),
    queryFn: ({ signal }) => getUploadLinks(ticketId, signal),
  });
}

export function useUploadLinks(ticketId: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...uploadLinksQueryOptions(ticketId), enabled });
}

/** POST /api/v1/tickets/{id}/upload-links — the answer carries the link's URL, this once. */
export async function createUploadLink(ticketId: number, body: UploadLinkCreate): Promise<UploadLink> {
  const { data } = await unwrap(
    api.POST('/api/v1/tickets/{ticket_id}/upload-links', {
      params: { path: { ticket_id: ticketId } },
      // Fields left out take the server's defaults (the generated type marks them required).
      body: body as Required<UploadLinkCreate>,
    }),
  );
  return data;
}

export function useCreateUploadLink(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadLinkCreate) => createUploadLink(ticketId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.uploadLinks(ticketId) }),
  });
}

/** DELETE /api/v1/upload-links/{id} — the link stops working at once. */
export async function revokeUploadLink(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/upload-links/{link_id}', { params: { path: { link_id: id } } }));
}

export function useRevokeUploadLink(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeUploadLink,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.uploadLinks(ticketId) }),
  });
}
