import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations } from '../../../testing/axe';
import { conversations } from '../../../testing/data';
import { server } from '../../../testing/server';
import { problem } from '../../../testing/sse';
import { ConversationList } from './conversation-list';

function Harness() {
  const [list, setList] = useState(conversations);
  return (
    <ConversationList
      conversations={list}
      departmentName={(id) => (id === 'immigration' ? 'Immigration Department' : 'Housing Department')}
      hrefFor={(conversation) => `/c/${conversation.id}`}
      onDeleted={(id) => setList((current) => current.filter((conversation) => conversation.id !== id))}
    />
  );
}

describe('ConversationList', () => {
  test('lists the conversations with their department and a link to continue', () => {
    render(<Harness />);
    const link = screen.getByRole('link', { name: 'Continue “How do I renew my passport?”' });
    expect(link.getAttribute('href')).toBe('/c/c-1');
    expect(screen.getByRole('link', { name: 'Continue “Untitled conversation”' }).getAttribute('href')).toBe('/c/c-2');
    expect(screen.getByText(/Immigration Department · Last activity:/)).toBeTruthy();
  });

  test('deletes a conversation only after confirmation', async () => {
    const deleted: string[] = [];
    server.use(
      http.delete('/api/v1/conversations/:id', ({ params }) => {
        deleted.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const user = userEvent.setup();
    render(<Harness />);
    const deleteButton = screen.getByRole('button', { name: 'Delete “How do I renew my passport?”' });

    await user.click(deleteButton);
    let dialog = screen.getByRole('dialog', { name: 'Delete this conversation?' });
    expect(within(dialog).getByText(/“How do I renew my passport\?” and all of its messages will be erased/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deleted).toEqual([]);
    expect(document.activeElement).toBe(deleteButton);

    await user.click(deleteButton);
    dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleted).toEqual(['c-1']));
    expect(await screen.findByText('The conversation was deleted.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /How do I renew my passport/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Continue “Untitled conversation”' })).toBeTruthy();
  });

  test('a failed delete keeps the conversation and says why', async () => {
    server.use(http.delete('/api/v1/conversations/:id', () => problem(404, 'This conversation does not exist.')));
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Delete “How do I renew my passport?”' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The conversation could not be deleted. This conversation does not exist.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Continue “How do I renew my passport?”' })).toBeTruthy();
  });

  test('has no serious axe violation, with the dialog open too', async () => {
    const user = userEvent.setup();
    const { container } = render(<Harness />);
    await expectNoSeriousAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Delete “How do I renew my passport?”' }));
    await expectNoSeriousAxeViolations(container);
  });
});
