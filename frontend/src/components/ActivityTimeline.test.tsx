import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { makeFollowUp, users } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { ActivityTimeline, type FollowUpPages } from './ActivityTimeline';

function pages(overrides: Partial<FollowUpPages> = {}): FollowUpPages {
  return {
    data: { pages: [{ items: [makeFollowUp({ content: 'Called about the pump' })] }, { items: [makeFollowUp({ content: 'Sent the offer' })] }] },
    isPending: false,
    error: null,
    isFetching: false,
    hasNextPage: false,
    isFetchingNextPage: false,
    refetch: vi.fn(() => Promise.resolve()),
    fetchNextPage: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

describe('ActivityTimeline', () => {
  it('shows the follow-ups of every page loaded, and loads older ones on request', async () => {
    const query = pages({ hasNextPage: true });
    const { user } = renderWithProviders(<ActivityTimeline title="Timeline" query={query} emptyText="Nothing yet" />, {
      user: users.sales,
    });
    expect(screen.getByRole('heading', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByText('Called about the pump')).toBeInTheDocument();
    expect(screen.getByText('Sent the offer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show older follow-ups' }));
    expect(query.fetchNextPage).toHaveBeenCalled();
  });

  it('says when there is nothing, and offers no more to load', () => {
    renderWithProviders(<ActivityTimeline title="Timeline" query={pages({ data: { pages: [{ items: [] }] } })} emptyText="Nothing yet" />, {
      user: users.sales,
    });
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older follow-ups' })).not.toBeInTheDocument();
  });

  it('offers a retry when the follow-ups cannot be loaded', async () => {
    const query = pages({ data: undefined, error: ApiError.network(new Error('offline')) });
    const { user } = renderWithProviders(<ActivityTimeline title="Timeline" query={query} emptyText="Nothing yet" />, {
      user: users.sales,
    });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(query.refetch).toHaveBeenCalled();
  });
});
