import { describe, expect, it } from 'vitest';
import { FakeXHR, lastUpload, installFakeXHR } from '../test/fake-xhr';
import { ApiError } from './errors';
import { setSession } from './session';
import { upload } from './upload';
import { users } from '../test/fixtures';

installFakeXHR();

function file(name = 'nameplate.jpg', size = 1000) {
  return new File([new Uint8Array(size)], name, { type: 'image/jpeg' });
}

describe('upload()', () => {
  it('sends the file parts with the bearer token and reports progress', async () => {
    setSession('token-1', users.service);
    const seen: number[] = [];
    const answer = upload<{ items: { id: number }[] }>({
      url: '/api/v1/tickets/7/attachments',
      files: [file()],
      onProgress: ({ loaded, total }) => seen.push(Math.round((loaded / total) * 100)),
    });
    const request = lastUpload();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/tickets/7/attachments');
    expect(request.headers.Authorization).toBe('Bearer token-1');
    expect(request.files).toEqual(['nameplate.jpg']);
    request.progress(250, 1000);
    request.progress(1000, 1000);
    request.respond(201, { items: [{ id: 9 }] });
    await expect(answer).resolves.toEqual({ items: [{ id: 9 }] });
    expect(seen).toEqual([25, 100]);
  });

  it('sends no token for the public page, and the message as a text part', async () => {
    setSession('token-1', users.service);
    const answer = upload({ url: '/api/v1/public/upload-links/abc', fields: { message: '漏油了' }, auth: false });
    const request = lastUpload();
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.field('message')).toBe('漏油了');
    expect(request.files).toEqual([]);
    request.respond(201, { items: [], message_saved: true });
    await expect(answer).resolves.toEqual({ items: [], message_saved: true });
  });

  it('turns a problem answer into ApiError (415 wrong type, 413 too large, 503 store down)', async () => {
    for (const [status, detail] of [
      [415, 'This type of file is not accepted.'],
      [413, 'The upload is too large.'],
      [503, 'File storage is unavailable.'],
    ] as const) {
      const answer = upload({ url: '/api/v1/tickets/7/attachments', files: [file()] });
      lastUpload().respond(status, { status, title: 'Error', detail });
      const error = await answer.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(status);
      expect((error as ApiError).message).toBe(detail);
    }
  });

  it('rejects with a network error (status 0) when the connection drops', async () => {
    const answer = upload({ url: '/api/v1/tickets/7/attachments', files: [file()] });
    lastUpload().fail();
    const error = (await answer.catch((caught: unknown) => caught)) as ApiError;
    expect(error.isNetworkError).toBe(true);
  });

  it('aborts the request when its signal does', async () => {
    const controller = new AbortController();
    const answer = upload({ url: '/api/v1/tickets/7/attachments', files: [file()], signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXHR.requests[0].aborted).toBe(true);
  });
});
