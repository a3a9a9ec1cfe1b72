import { useTranslation } from 'react-i18next';
import { AdminShell, type AdminSection } from '../../features/admin-shell/components/admin-shell';
import { DepartmentList } from '../../features/admin-shell/components/department-list';
import { DashboardPage } from '../../features/admin-dashboard/components/dashboard-page';
import { ReviewList } from '../../features/admin-review/components/review-list';
import { TranscriptPage } from '../../features/admin-review/components/transcript-page';
import { SettingsPage } from '../../features/admin-settings/components/settings-page';
import { VersionsPage } from '../../features/admin-settings/components/versions-page';
import { addAdminTexts } from '../../lib/admin-i18n';

addAdminTexts();

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

type Screen = { departmentId: string | null; section: AdminSection | null; conversationId?: string };

function screenOf(path: string): Screen | null {
  if (/^\/admin\/?$/.test(path)) return { departmentId: null, section: null };
  const match = /^\/admin\/departments\/([^/]+)(?:\/(versions|dashboard|conversations)(?:\/([^/]+))?)?\/?$/.exec(path);
  if (!match) return null;
  const section = (match[2] as AdminSection | undefined) ?? 'assistant';
  if (match[3] && section !== 'conversations') return null;
  return { departmentId: decode(match[1]), section, conversationId: match[3] ? decode(match[3]) : undefined };
}

/** The department admin console (`/admin/**`), loaded on demand. */
export default function AdminRoute({ path }: { path: string }) {
  const screen = screenOf(path);
  return (
    <AdminShell departmentId={screen?.departmentId ?? null} section={screen?.section ?? null} screenKey={path}>
      {(admin) => {
        if (!screen) return <NotFound />;
        const { departmentId, section, conversationId } = screen;
        if (!departmentId) return <DepartmentList admin={admin} />;
        switch (section) {
          case 'versions':
            return <VersionsPage key={departmentId} departmentId={departmentId} />;
          case 'dashboard':
            return <DashboardPage key={departmentId} departmentId={departmentId} />;
          case 'conversations':
            return conversationId ? (
              <TranscriptPage key={conversationId} departmentId={departmentId} conversationId={conversationId} />
            ) : (
              <ReviewList key={departmentId} departmentId={departmentId} />
            );
          default:
            return <SettingsPage key={departmentId} departmentId={departmentId} />;
        }
      }}
    </AdminShell>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <p role="alert">{t('admin.pageNotFound')}</p>;
}
