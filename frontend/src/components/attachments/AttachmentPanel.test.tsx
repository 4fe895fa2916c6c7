import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, json, users } from '../../test/fixtures';
import { FakeXHR, lastUpload, installFakeXHR } from '../../test/fake-xhr';
import { renderWithProviders } from '../../test/render';
import { server } from '../../test/server';
import type { Attachment } from './api';
import { AttachmentPanel } from './AttachmentPanel';

installFakeXHR();

let nextId = 1;
function attachment(filename: string, content_type: string, overrides: Partial<Attachment> = {}): Attachment {
  const id = nextId++;
  return {
    id,
    record_type: 'ticket',
    record_id: 7,
    filename,
    content_type,
    size: 2048,
    sha256: 'abc',
    created_at: '2026-03-02T08:00:00+00:00',
    uploaded_by_id: 6,
    uploaded_by_name: 'Wang Fang',
    upload_link_id: null,
    uploaded_via: 'user',
    inline: content_type.startsWith('image/') || content_type.startsWith('video/'),
    content_url: `/api/v1/attachments/${id}/content?token=signed${id}`,
    ...overrides,
  };
}

function attachmentsOnServer(initial: Attachment[]) {
  let items = initial;
  let gets = 0;
  const deleted: number[] = [];
  const handlers = [
    http.get(`${API}/tickets/7/attachments`, () => {
      gets += 1;
      return json({ items, next_cursor: null });
    }),
    http.delete(`${API}/attachments/:id`, ({ params }) => {
      deleted.push(Number(params.id));
      items = items.filter(({ id }) => id !== Number(params.id));
      return new Response(null, { status: 204 });
    }),
  ];
  return {
    handlers,
    deleted,
    gets: () => gets,
    add: (attachment: Attachment) => {
      items = [attachment, ...items];
    },
  };
}

function fileInput(): HTMLInputElement {
  return document.querySelector('.attachment-panel input[type="file"]') as HTMLInputElement;
}

describe('AttachmentPanel', () => {
  it('shows photos as thumbnails, videos in a player and other files to download', async () => {
    const remote = attachmentsOnServer([
      attachment('nameplate.jpg', 'image/jpeg'),
      attachment('leak.mp4', 'video/mp4', { uploaded_via: 'upload_link', uploaded_by_name: null, upload_link_id: 3 }),
      attachment('报价单.pdf', 'application/pdf', { size: 1536 * 1024 }),
    ]);
    server.use(...remote.handlers);
    renderWithProviders(<AttachmentPanel record="tickets" recordId={7} />, { user: users.service });

    const image = await screen.findByRole('img', { name: 'nameplate.jpg' });
    expect(image).toHaveAttribute('src', expect.stringMatching(/^\/api\/v1\/attachments\/\d+\/content\?token=signed/));
    const video = document.querySelector('video')!;
    expect(video).toHaveAttribute('controls');
    expect(video.getAttribute('src')).toMatch(/content\?token=signed/);
    expect(within(video.closest('figure')!).getByText('From customer')).toBeInTheDocument();
    const pdf = screen.getByRole('link', { name: '报价单.pdf' });
    expect(pdf.getAttribute('href')).toMatch(/content\?token=signed\d+&download=1$/);
    expect(screen.getByText('1.5 MB · application/pdf')).toBeInTheDocument();
  });

  it('uploads each file with its own progress bar, then lists it', async () => {
    const remote = attachmentsOnServer([]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<AttachmentPanel record="tickets" recordId={7} />, { user: users.service });
    expect(await screen.findByText('No files yet.')).toBeInTheDocument();

    await user.upload(fileInput(), [
      new File(['a'.repeat(1000)], 'first.jpg', { type: 'image/jpeg' }),
      new File(['b'.repeat(1000)], 'second.png', { type: 'image/png' }),
    ]);
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    const first = lastUpload();
    expect(first.url).toBe('/api/v1/tickets/7/attachments');
    expect(first.headers.Authorization).toBe('Bearer test-access-token');
    expect(first.files).toEqual(['first.jpg']);
    // One at a time: the second waits.
    expect(screen.getByRole('progressbar', { name: 'Sending second.png' })).toHaveTextContent('Waiting');

    act(() => first.progress(500, 1000));
    expect(screen.getByRole('progressbar', { name: 'Sending first.jpg' })).toHaveAttribute('aria-valuenow', '50');

    remote.add(attachment('first.jpg', 'image/jpeg'));
    await act(async () => first.respond(201, { items: [] }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(2));
    expect(lastUpload().files).toEqual(['second.png']);
    expect(await screen.findByRole('img', { name: 'first.jpg' })).toBeInTheDocument();
    expect(remote.gets()).toBe(2);
    await act(async () => lastUpload().respond(201, { items: [] }));
    await waitFor(() => expect(screen.getAllByText('Received')).toHaveLength(2));
  });

  it('says why a file was refused (415, 413, 503, offline) and retries it', async () => {
    const remote = attachmentsOnServer([]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<AttachmentPanel record="tickets" recordId={7} />, { user: users.service });
    await screen.findByText('No files yet.');

    const cases = [
      [415, 'This type of file is not accepted. Send photos, videos, PDF, office documents or text files.'],
      [413, 'This file is too large.'],
      [503, 'Files cannot be stored at the moment. Try again in a minute.'],
      [0, 'The connection was lost. Try again when you have signal.'],
    ] as const;
    for (const [index, [status, text]] of cases.entries()) {
      await user.upload(fileInput(), new File(['x'], `file${index}.png`, { type: 'image/png' }));
      await waitFor(() => expect(FakeXHR.requests).toHaveLength(index + 1));
      await act(async () => {
        if (status === 0) lastUpload().fail();
        else lastUpload().respond(status, { status, title: 'Error', detail: 'refused' }, { 'Retry-After': '30' });
      });
      const item = (await screen.findByText(`file${index}.png`)).closest('li')!;
      expect(await within(item).findByRole('alert')).toHaveTextContent(text);
    }

    await user.click(screen.getByRole('button', { name: 'Try sending file0.png again' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(cases.length + 1));
    expect(lastUpload().files).toEqual(['file0.png']);
    await act(async () => lastUpload().respond(201, { items: [] }));
    const item = screen.getByText('file0.png').closest('li')!;
    expect(await within(item).findByText('Received')).toBeInTheDocument();
  });

  it('deletes a file after asking', async () => {
    const remote = attachmentsOnServer([attachment('old.jpg', 'image/jpeg')]);
    server.use(...remote.handlers);
    const { user } = renderWithProviders(<AttachmentPanel record="tickets" recordId={7} />, { user: users.service });
    await user.click(await screen.findByRole('button', { name: 'Delete old.jpg' }));
    expect(await screen.findByText('Delete old.jpg?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(remote.deleted).toHaveLength(1));
    expect(await screen.findByText('No files yet.')).toBeInTheDocument();
  });

  it('only shows the files to someone who cannot change the record', async () => {
    server.use(...attachmentsOnServer([attachment('old.jpg', 'image/jpeg')]).handlers);
    renderWithProviders(<AttachmentPanel record="tickets" recordId={7} canWrite={false} />, { user: users.service });
    await screen.findByRole('img', { name: 'old.jpg' });
    expect(screen.queryByRole('button', { name: 'Delete old.jpg' })).not.toBeInTheDocument();
    expect(fileInput()).toBeNull();
  });
});
