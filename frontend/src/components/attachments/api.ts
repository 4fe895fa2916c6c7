import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { upload, type UploadProgress } from '../../api/upload';

/**
 * The attachments of a ticket, lead, company or opportunity (shared by their detail pages):
 * GET/POST /api/v1/{records}/{id}/attachments, DELETE /api/v1/attachments/{id}.
 */
export type AttachmentRecord = 'tickets' | 'leads' | 'companies' | 'opportunities';

type Schemas = components['schemas'];

export type Attachment = Schemas['Attachment'];

export interface AttachmentPage {
  items: Attachment[];
  next_cursor: string | null;
}

export const attachmentKeys = {
  all: ['attachments'] as const,
  list: (record: AttachmentRecord, id: number) => [...attachmentKeys.all, record, id] as const,
};

const PAGE_SIZE = 50;

export function attachmentsPath(record: AttachmentRecord, id: number): string {
  return `/api/v1/${record}/${id}/attachments`;
}

export async function getAttachments(
  record: AttachmentRecord,
  id: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<AttachmentPage> {
  const query = { limit: PAGE_SIZE, cursor };
  const call =
    record === 'tickets'
      ? api.GET('/api/v1/tickets/{ticket_id}/attachments', { params: { path: { ticket_id: id }, query }, signal })
      : record === 'leads'
        ? api.GET('/api/v1/leads/{lead_id}/attachments', { params: { path: { lead_id: id }, query }, signal })
        : record === 'companies'
          ? api.GET('/api/v1/companies/{company_id}/attachments', { params: { path: { company_id: id }, query }, signal })
          : api.GET('/api/v1/opportunities/{opportunity_id}/attachments', {
              params: { path: { opportunity_id: id }, query },
              signal,
            });
  const { data } = await unwrap(call);
  return { items: data.items, next_cursor: data.next_cursor ?? null };
}

const CUSTOMER_POLL_MS = 30_000;

export function attachmentsQueryOptions(record: AttachmentRecord, id: number) {
  return infiniteQueryOptions({
    queryKey: attachmentKeys.list(record, id),
    queryFn: ({ pageParam, signal }) => getAttachments(record, id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // content_url is signed for about 15 minutes: fetch fresh ones before they run out. A
    // ticket's files also arrive from the customer's upload link: look for them every 30 s.
    staleTime: record === 'tickets' ? CUSTOMER_POLL_MS : 5 * 60_000,
    refetchInterval: record === 'tickets' ? CUSTOMER_POLL_MS : 10 * 60_000,
  });
}

export function useAttachments(record: AttachmentRecord, id: number) {
  return useInfiniteQuery(attachmentsQueryOptions(record, id));
}

/** One file, one request (multipart `file` part), with upload progress. */
export function uploadAttachment(
  record: AttachmentRecord,
  id: number,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ items: Attachment[] }> {
  return upload<{ items: Attachment[] }>({ url: attachmentsPath(record, id), files: [file], onProgress, signal });
}

export async function deleteAttachment(id: number): Promise<void> {
  await unwrap(api.DELETE('/api/v1/attachments/{attachment_id}', { params: { path: { attachment_id: id } } }));
}

export function useDeleteAttachment(record: AttachmentRecord, recordId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAttachment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(record, recordId) }),
  });
}
