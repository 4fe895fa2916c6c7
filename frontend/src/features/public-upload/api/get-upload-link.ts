import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { upload, type UploadProgress } from '../../../api/upload';

type Schemas = components['schemas'];

/** What an upload link allows (GET /api/v1/public/upload-links/{token}); no login needed. */
export type PublicUploadLink = Schemas['UploadLinkInfo'];
export type PublicUploadAnswer = Schemas['PublicUploadResult'];

export const publicUploadKeys = {
  link: (token: string) => ['public-upload-link', token] as const,
};

export async function getUploadLink(token: string, signal?: AbortSignal): Promise<PublicUploadLink> {
  const { data } = await unwrap(api.GET('/api/v1/public/upload-links/{token}', { params: { path: { token } }, signal }));
  return data;
}

export function useUploadLink(token: string) {
  return useQuery({
    ...queryOptions({ queryKey: publicUploadKeys.link(token), queryFn: ({ signal }) => getUploadLink(token, signal) }),
    // The page counts what it sent itself; a refetch would answer 404 once the link is used up.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** POST /api/v1/public/upload-links/{token}: files (one per request here) and/or a message. */
export function sendToUploadLink(
  token: string,
  { file, message, onProgress, signal }: { file?: File; message?: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
): Promise<PublicUploadAnswer> {
  return upload<PublicUploadAnswer>({
    url: `/api/v1/public/upload-links/${encodeURIComponent(token)}`,
    files: file ? [file] : [],
    fields: message ? { message } : undefined,
    auth: false,
    onProgress,
    signal,
  });
}
