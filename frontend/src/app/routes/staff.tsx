import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ChatView } from '../../features/chat/components/chat-view';
import { getDepartments } from '../../features/departments/api/get-departments';
import { STAFF_ASSISTANT_CONVERSATIONS } from '../../features/staff-assistant/api/get-assistant-conversations';
import { AssistantPage } from '../../features/staff-assistant/components/assistant-page';
import type { Officer } from '../../features/staff-home/api/get-officer';
import { OfficerHome } from '../../features/staff-home/components/officer-home';
import { InboxPage } from '../../features/staff-inbox/components/inbox-page';
import { currentUiLanguage, pickLocalized } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * What a signed-in officer works with: the live inbox of their departments (`/staff`, `/staff/inbox`,
 * `/staff/conversations/<id>`) and their own chats with the departments' assistants
 * (`/staff/assistant[/<id>]`), which reuse the citizens' chat against the staff portal's endpoints.
 */
function StaffWorkspace({ officer, path }: { officer: Officer; path: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const language = currentUiLanguage();
  const assistant = /^\/staff\/assistant(?:\/([^/]+))?\/?$/.exec(path);
  const conversation = /^\/staff\/conversations\/([^/]+)\/?$/.exec(path);
  const departments = useResource(assistant ? 'departments' : null, getDepartments);

  return (
    <div className="staff-workspace">
      <nav className="staff-workspace__nav" aria-label={t('staffPortal.nav')}>
        <Link href="/staff" aria-current={assistant ? undefined : 'page'}>
          {t('staffPortal.inbox')}
        </Link>
        <Link href="/staff/assistant" aria-current={assistant ? 'page' : undefined}>
          {t('staffPortal.assistant')}
        </Link>
      </nav>
      {assistant ? (
        <AssistantPage
          departments={officer.departments.map((department) => ({
            id: department.id,
            name: pickLocalized(department.names, language),
          }))}
          conversationId={assistant[1] ? decode(assistant[1]) : null}
          onOpen={(id) => navigate(id ? `/staff/assistant/${encodeURIComponent(id)}` : '/staff/assistant')}
          renderChat={({ departmentId, conversationId, onConversationCreated, onNewConversation }) => {
            const department = departments.data?.find((candidate) => candidate.id === departmentId);
            if (!department) return <p role="status">{t('staffPortal.inboxLoading')}</p>;
            return (
              <ChatView
                key={department.id}
                department={{
                  id: department.id,
                  name: pickLocalized(department.names, language),
                  greeting: t('staffPortal.assistantGreeting'),
                  available: department.available,
                  unavailableReason: department.unavailableReason,
                }}
                conversationId={conversationId}
                onConversationCreated={onConversationCreated}
                onNewConversation={onNewConversation}
                headingLevel={2}
                base={STAFF_ASSISTANT_CONVERSATIONS}
                showFeedback={false}
              />
            );
          }}
        />
      ) : (
        <InboxPage
          selectedConversationId={conversation ? decode(conversation[1]) : null}
          onOpen={(id) => navigate(id ? `/staff/conversations/${encodeURIComponent(id)}` : '/staff')}
        />
      )}
    </div>
  );
}

/** The staff portal (`/staff/**`), loaded on demand. */
export default function StaffRoute({ path }: { path: string }) {
  return <OfficerHome area="staff" path={path} workspace={(officer) => <StaffWorkspace officer={officer} path={path} />} />;
}
