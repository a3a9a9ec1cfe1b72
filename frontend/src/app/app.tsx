import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Router, useLocation, useSearch } from 'wouter';
import { EmbedLayout } from '../components/embed-layout';
import { Layout } from '../components/layout';
import { CitizenChatRoute } from './routes/citizen-chat';
import { EmbedRoute } from './routes/embed';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { PrivacyRoute } from './routes/privacy';

// officers' pages load on demand, so the citizen bundle stays small
const AdminRoute = lazy(() => import('./routes/admin'));
const StaffRoute = lazy(() => import('./routes/staff'));

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function Screens() {
  // re-render every screen when the language changes
  useTranslation();
  const [location] = useLocation();
  const search = useSearch();

  if (/^\/admin(\/|$)/.test(location)) {
    return (
      <Suspense fallback={null}>
        <AdminRoute path={location} />
      </Suspense>
    );
  }
  if (/^\/staff(\/|$)/.test(location)) {
    return (
      <Suspense fallback={null}>
        <StaffRoute path={location} />
      </Suspense>
    );
  }

  const embed = /^\/embed\/([^/]+)\/?$/.exec(location);
  if (embed) {
    const departmentId = decode(embed[1]);
    return (
      <EmbedLayout>
        <EmbedRoute key={departmentId} departmentId={departmentId} />
      </EmbedLayout>
    );
  }

  const conversation = /^\/c\/([^/]+)\/?$/.exec(location);
  const departmentParam = location === '/' ? new URLSearchParams(search).get('department') : null;
  if (conversation || departmentParam) {
    // one element for both URLs: starting a conversation changes the URL without remounting the chat
    return (
      <Layout screenKey="chat">
        <CitizenChatRoute conversationId={conversation ? decode(conversation[1]) : null} departmentId={departmentParam} />
      </Layout>
    );
  }
  if (location === '/') {
    return (
      <Layout screenKey="home">
        <HomeRoute />
      </Layout>
    );
  }
  if (location === '/privacy' || location === '/privacy/') {
    return (
      <Layout screenKey="privacy">
        <PrivacyRoute />
      </Layout>
    );
  }
  return (
    <Layout screenKey="not-found">
      <NotFoundRoute />
    </Layout>
  );
}

export function App() {
  return (
    <Router>
      <Screens />
    </Router>
  );
}
