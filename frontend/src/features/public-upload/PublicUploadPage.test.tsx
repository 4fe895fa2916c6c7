import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { dayjs } from '../../lib/dates';
import { FakeXHR, lastUpload, installFakeXHR } from '../../test/fake-xhr';
import { API, json, problem } from '../../test/fixtures';
import { renderAnonymous } from '../../test/render';
import { server } from '../../test/server';
import type { PublicUploadLink } from './api/get-upload-link';

installFakeXHR();

const MB = 1024 * 1024;
const link: PublicUploadLink = {
  ticket_reference: '#12',
  ticket_subject: 'Oil leaking from pump',
  expires_at: dayjs().add(3, 'day').hour(10).minute(0).toISOString(),
  max_files: 10,
  files_remaining: 3,
  max_total_bytes: 500 * MB,
  bytes_remaining: 400 * MB,
  max_file_bytes: 200 * MB,
  accepted_types: ['image/jpeg', 'image/png', 'video/mp4'],
  accept: '.jpg,.jpeg,.png,.mp4,image/*,video/*',
};

const linkHandler = http.get(`${API}/public/upload-links/tok123`, () => json(link));

function input(name: 'camera' | 'files'): HTMLInputElement {
  return document.querySelector(`input[name="${name}"]`) as HTMLInputElement;
}

function png(name = 'leak.png', size = 1000) {
  return new File([new Uint8Array(size)], name, { type: 'image/png' });
}

describe('PublicUploadPage', () => {
  it('says which request the link is for and what it allows, without a login', async () => {
    server.use(linkHandler);
    renderAnonymous('/u/tok123');
    expect(await screen.findByRole('heading', { name: 'Send us your files' })).toBeInTheDocument();
    expect(screen.getByText(/For your request #12/)).toBeInTheDocument();
    expect(screen.getByText('Oil leaking from pump')).toBeInTheDocument();
    const limits = screen.getByRole('list', { name: 'What this link allows' });
    expect(within(limits).getByText('You can send 3 more files.')).toBeInTheDocument();
    expect(within(limits).getByText('Up to 400 MB in total, 200 MB per file.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Take photo / video' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeInTheDocument();
    expect(input('camera')).toHaveAttribute('capture', 'environment');
    expect(input('camera')).toHaveAttribute('accept', 'image/*,video/*');
    expect(input('files')).toHaveAttribute('accept', link.accept);
    expect(input('files')).toHaveAttribute('multiple');
    expect(screen.getByRole('textbox', { name: 'Message (optional)' })).toBeInTheDocument();
  });

  it('says plainly when the link is no longer valid', async () => {
    server.use(
      http.get(`${API}/public/upload-links/old`, () => problem(404, 'This upload link is not valid. Ask for a new link.')),
    );
    renderAnonymous('/u/old');
    expect(await screen.findByText('This link is no longer valid')).toBeInTheDocument();
    expect(screen.getByText(/Ask us for a new link/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose files' })).not.toBeInTheDocument();
  });

  it('sends a photo with the message, shows progress, and thanks the customer', async () => {
    server.use(linkHandler);
    const { user } = renderAnonymous('/u/tok123');
    await user.type(await screen.findByRole('textbox', { name: 'Message (optional)' }), 'It leaks at the seal');
    await user.upload(input('camera'), png());

    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    const request = lastUpload();
    expect(request.url).toBe('/api/v1/public/upload-links/tok123');
    expect(request.headers.Authorization).toBeUndefined();
    expect(request.files).toEqual(['leak.png']);
    expect(request.field('message')).toBe('It leaks at the seal');
    act(() => request.progress(300, 1000));
    expect(screen.getByRole('progressbar', { name: 'Sending leak.png' })).toHaveAttribute('aria-valuenow', '30');

    await act(async () =>
      request.respond(201, { items: [{ filename: 'leak.png', size: 1000, content_type: 'image/png' }], message_saved: true }),
    );
    expect(await screen.findByText('Received, thank you!')).toBeInTheDocument();
    expect(screen.getByText('Your message was received.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message (optional)' })).toHaveValue('');
    expect(screen.getByText('You can send 2 more files.')).toBeInTheDocument();
  });

  it('explains a refused file type and lets the customer try again', async () => {
    server.use(linkHandler);
    const { user } = renderAnonymous('/u/tok123');
    await screen.findByRole('button', { name: 'Choose files' });
    await user.upload(input('files'), png('page.png'));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    await act(async () =>
      lastUpload().respond(415, { status: 415, title: 'Unsupported Media Type', detail: 'This type of file is not accepted.' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('This type of file is not accepted.');
    expect(screen.queryByText('Received, thank you!')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try sending page.png again' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(2));
  });

  it('refuses too large files and more files than the link takes before sending them', async () => {
    server.use(http.get(`${API}/public/upload-links/tok123`, () => json({ ...link, files_remaining: 1, max_file_bytes: 5000 })));
    const { user } = renderAnonymous('/u/tok123');
    await screen.findByRole('button', { name: 'Choose files' });
    await user.upload(input('files'), [png('huge.png', 6000), png('a.png'), png('b.png')]);
    const huge = screen.getByText('huge.png').closest('li')!;
    expect(within(huge).getByRole('alert')).toHaveTextContent('This file is too large: at most 4.9 KB per file.');
    const extra = screen.getByText('b.png').closest('li')!;
    expect(within(extra).getByRole('alert')).toHaveTextContent('This link takes only 1 more file.');
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    expect(lastUpload().files).toEqual(['a.png']);
    await act(async () => lastUpload().respond(201, { items: [], message_saved: false }));
    expect(await screen.findByText('That is all the files this link takes. You can close this page.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose files' })).not.toBeInTheDocument();
  });

  it('shows the invalid-link page when the link expires while sending', async () => {
    server.use(linkHandler);
    const { user } = renderAnonymous('/u/tok123');
    await screen.findByRole('button', { name: 'Choose files' });
    await user.upload(input('files'), png());
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    await act(async () => lastUpload().respond(404, { status: 404, detail: 'This upload link is not valid. Ask for a new link.' }));
    expect(await screen.findByText('This link is no longer valid')).toBeInTheDocument();
  });

  it('sends a message on its own', async () => {
    server.use(linkHandler);
    const { user } = renderAnonymous('/u/tok123');
    await user.type(await screen.findByRole('textbox', { name: 'Message (optional)' }), 'Call me after 5 pm');
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    await waitFor(() => expect(FakeXHR.requests).toHaveLength(1));
    expect(lastUpload().files).toEqual([]);
    expect(lastUpload().field('message')).toBe('Call me after 5 pm');
    await act(async () => lastUpload().respond(201, { items: [], message_saved: true }));
    expect(await screen.findByText('Your message was received.')).toBeInTheDocument();
  });
});
