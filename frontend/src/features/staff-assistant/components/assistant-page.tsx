import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { getAssistantConversations } from '../api/get-assistant-conversations';

export type AssistantChatSlot = {
  departmentId: string;
  conversationId: string | null;
  onConversationCreated: (conversationId: string) => void;
  onNewConversation: () => void;
};

type AssistantPageProps = {
  /** The departments the officer serves, with their names in the page's language. */
  departments: { id: string; name: string }[];
  conversationId: string | null;
  onOpen: (conversationId: string | null) => void;
  /** The chat itself (the same chat citizens use, pointed at the officer's own conversations). */
  renderChat: (slot: AssistantChatSlot) => ReactNode;
};

/** The internal assistant: the officer's own conversations with their department's assistant. */
export function AssistantPage({ departments, conversationId, onOpen, renderChat }: AssistantPageProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const history = useResource('staff-assistant-conversations', getAssistantConversations);
  const open = history.data?.find((conversation) => conversation.id === conversationId);
  const departmentId = open?.departmentId ?? chosen ?? departments[0]?.id ?? null;

  if (departments.length === 0) return <p>{t('staffPortal.assistantNoDepartment')}</p>;
  // an open conversation's department comes from the history: wait for it the first time only, so that a
  // reload after a new conversation never unmounts the chat while it streams
  if (conversationId && !history.data && history.loading) return <p role="status">{t('staffPortal.inboxLoading')}</p>;

  return (
    <div className="assistant-page">
      <p>{t('staffPortal.assistantIntro')}</p>
      {departments.length > 1 ? (
        <p>
          <label htmlFor={selectId}>{t('staffPortal.assistantDepartment')}</label>{' '}
          <select
            id={selectId}
            value={departmentId ?? ''}
            disabled={conversationId !== null}
            onChange={(event) => setChosen(event.target.value)}
          >
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {department.name}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {departmentId
        ? renderChat({
            departmentId,
            conversationId,
            onConversationCreated: (id) => {
              history.reload();
              onOpen(id);
            },
            onNewConversation: () => onOpen(null),
          })
        : null}
      <section aria-labelledby={`${selectId}-history`}>
        <h2 id={`${selectId}-history`}>{t('staffPortal.assistantHistory')}</h2>
        {history.data && history.data.length > 0 ? (
          <ul className="conversation-list">
            {history.data.map((conversation) => (
              <li key={conversation.id} className="conversation-list__item">
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-current={conversation.id === conversationId || undefined}
                  onClick={() => onOpen(conversation.id)}
                >
                  {conversation.title ?? t('staffPortal.untitled')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('staffPortal.assistantEmpty')}</p>
        )}
      </section>
    </div>
  );
}
