import { getFileOrJson, type QueryParams } from './untyped-api';

/** Hands a file to the browser's downloads (an object URL on a temporary link). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a file of the API with the logged-in user's token (a bare link would go without it):
 * fetch -> blob -> save, under the server's file name (Content-Disposition) or `fallbackName`.
 */
export async function downloadFile(path: string, fallbackName: string, query?: QueryParams): Promise<void> {
  const answer = await getFileOrJson<unknown>(path, query);
  if (answer.kind === 'file') saveBlob(answer.blob, answer.fileName ?? fallbackName);
  else saveBlob(new Blob([JSON.stringify(answer.data)], { type: 'application/json' }), fallbackName);
}
