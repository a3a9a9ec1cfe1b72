import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Banner } from '../../components/banner';
import { ConversationList } from '../../features/conversations/components/conversation-list';
import { getConversations } from '../../features/conversations/api/get-conversations';
import { DepartmentPicker } from '../../features/departments/components/department-picker';
import { getDepartments } from '../../features/departments/api/get-departments';
import { errorMessage } from '../../lib/error-message';
import { currentUiLanguage, pickLocalized } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';

export function HomeRoute() {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  useDocumentTitle(t('app.name'));
  const departments = useResource('departments', getDepartments);
  const conversations = useResource('conversations', getConversations);

  const departmentName = (id: string) => {
    const department = departments.data?.find((candidate) => candidate.id === id);
    return department ? pickLocalized(department.names, language) : t('conversations.unknownDepartment');
  };

  return (
    <div className="home">
      <div className="home__intro">
        <h1>{t('app.name')}</h1>
        <p>{t('app.tagline')}</p>
        <p className="home__privacy">
          {t('chat.privacyShort')} <Link href="/privacy">{t('privacy.readMore')}</Link>
        </p>
      </div>

      <section aria-labelledby="departments-heading" className="home__section">
        <h2 id="departments-heading">{t('departments.heading')}</h2>
        <p>{t('departments.intro')}</p>
        {departments.loading ? <p role="status">{t('departments.loading')}</p> : null}
        {departments.error ? (
          <Banner
            tone="error"
            urgent
            title={t('departments.loadFailed')}
            actions={
              <button type="button" className="button button--secondary button--small" onClick={departments.reload}>
                {t('departments.retry')}
              </button>
            }
          >
            <p>{errorMessage(departments.error, t)}</p>
          </Banner>
        ) : null}
        {departments.data ? (
          <DepartmentPicker departments={departments.data} hrefFor={(department) => `/?department=${encodeURIComponent(department.id)}`} />
        ) : null}
      </section>

      <section aria-labelledby="conversations-heading" className="home__section" id="conversations">
        <h2 id="conversations-heading">{t('conversations.heading')}</h2>
        {conversations.loading ? <p role="status">{t('conversations.loading')}</p> : null}
        {conversations.error ? (
          <Banner tone="error" title={t('conversations.loadFailed')}>
            <p>{errorMessage(conversations.error, t)}</p>
          </Banner>
        ) : null}
        {conversations.data ? (
          <ConversationList
            conversations={conversations.data}
            departmentName={departmentName}
            hrefFor={(conversation) => `/c/${encodeURIComponent(conversation.id)}`}
            onDeleted={(id) => conversations.update((list) => list?.filter((conversation) => conversation.id !== id))}
          />
        ) : null}
      </section>
    </div>
  );
}
