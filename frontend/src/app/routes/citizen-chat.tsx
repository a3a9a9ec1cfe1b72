import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Banner } from '../../components/banner';
import { ChatView } from '../../features/chat/components/chat-view';
import { getConversations } from '../../features/conversations/api/get-conversations';
import { getDepartments } from '../../features/departments/api/get-departments';
import { errorMessage } from '../../lib/error-message';
import { currentUiLanguage, pickLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';

type CitizenChatRouteProps = {
  /** Null for a conversation not started yet (`/?department=<id>`). */
  conversationId: string | null;
  departmentId: string | null;
};

/**
 * The chat for `/?department=<id>` and `/c/<conversationId>`. Both URLs render this same component, so the
 * switch from the first to the second when a conversation starts keeps the answer streaming.
 */
export function CitizenChatRoute({ conversationId, departmentId }: CitizenChatRouteProps) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  const [, navigate] = useLocation();
  const [started, setStarted] = useState<{ conversationId: string; departmentId: string } | null>(null);

  const knownDepartment =
    departmentId ?? (started && started.conversationId === conversationId ? started.departmentId : null);
  const departments = useResource('departments', getDepartments);
  const conversations = useResource(knownDepartment === null && conversationId ? 'conversations' : null, getConversations);
  const resolvedDepartmentId =
    knownDepartment ?? conversations.data?.find((conversation) => conversation.id === conversationId)?.departmentId ?? null;
  const department = departments.data?.find((candidate) => candidate.id === resolvedDepartmentId);
  const name = department ? pickLocalized(department.names, language) : '';
  useDocumentTitle(department ? `${name} · ${t('app.name')}` : t('app.name'));

  const onConversationCreated = useCallback(
    (id: string) => {
      if (!resolvedDepartmentId) return;
      setStarted({ conversationId: id, departmentId: resolvedDepartmentId });
      navigate(`/c/${encodeURIComponent(id)}`, { replace: true });
    },
    [navigate, resolvedDepartmentId],
  );

  const error = departments.error ?? conversations.error;
  if (error) {
    return (
      <Banner tone="error" urgent title={t('chat.loadFailed')}>
        <p>{errorMessage(error, t)}</p>
      </Banner>
    );
  }
  if (departments.loading || conversations.loading) return <p role="status">{t('chat.loading')}</p>;
  if (!department) {
    return (
      <div>
        <h1>{conversationId ? t('chat.notFound') : t('notFound.title')}</h1>
        <p>
          <Link href="/">{t('notFound.home')}</Link>
        </p>
      </div>
    );
  }
  return (
    <ChatView
      key={department.id}
      department={{
        id: department.id,
        name,
        greeting: pickLocalized(department.greeting, language),
        available: department.available,
        unavailableReason: department.unavailableReason,
        handoffAvailable: department.handoffAvailable,
      }}
      conversationId={conversationId}
      onConversationCreated={onConversationCreated}
      onNewConversation={() => navigate(`/?department=${encodeURIComponent(department.id)}`)}
    />
  );
}
