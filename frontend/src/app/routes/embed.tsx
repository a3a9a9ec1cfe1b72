import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/banner';
import { ChatView } from '../../features/chat/components/chat-view';
import { getDepartments } from '../../features/departments/api/get-departments';
import { errorMessage } from '../../lib/error-message';
import { currentUiLanguage, pickLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';

const storageKey = (departmentId: string) => `govchat.embed.${departmentId}.conversation`;

function readStored(departmentId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(departmentId));
  } catch {
    return null;
  }
}

function store(departmentId: string, conversationId: string | null) {
  try {
    if (conversationId) window.localStorage.setItem(storageKey(departmentId), conversationId);
    else window.localStorage.removeItem(storageKey(departmentId));
  } catch {
    // without storage a reload starts a new conversation
  }
}

/**
 * `/embed/<departmentId>`: one department's chat for an `<iframe>`. The iframe's URL never changes, so the
 * conversation in progress is remembered in storage and picked up again after a reload.
 */
export function EmbedRoute({ departmentId }: { departmentId: string }) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const departments = useResource('departments', getDepartments);
  const [conversationId, setConversationId] = useState<string | null>(() => readStored(departmentId));
  const department = departments.data?.find((candidate) => candidate.id === departmentId);
  const name = department ? pickLocalized(department.names, language) : '';
  useDocumentTitle(department ? t('embed.title', { department: name }) : t('app.name'));

  const onConversationCreated = useCallback(
    (id: string) => {
      store(departmentId, id);
      setConversationId(id);
    },
    [departmentId],
  );
  const onNewConversation = useCallback(() => {
    store(departmentId, null);
    setConversationId(null);
  }, [departmentId]);

  if (departments.error) {
    return (
      <Banner tone="error" urgent title={t('chat.loadFailed')}>
        <p>{errorMessage(departments.error, t)}</p>
      </Banner>
    );
  }
  if (departments.loading) return <p role="status">{t('chat.loading')}</p>;
  if (!department) return <h1>{t('embed.unknownDepartment')}</h1>;
  return (
    <ChatView
      compact
      department={{ id: department.id, name, greeting: pickLocalized(department.greeting, language), available: department.available, unavailableReason: department.unavailableReason, handoffAvailable: department.handoffAvailable }}
      conversationId={conversationId}
      onConversationCreated={onConversationCreated}
      onNewConversation={onNewConversation}
    />
  );
}
