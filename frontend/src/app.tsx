import { OfficerHome } from './features/staff-home/components/officer-home';

export function App() {
  const path = window.location.pathname;
  if (/^\/(staff|admin)(\/|$)/.test(path)) {
    return <OfficerHome area={path.startsWith('/admin') ? 'admin' : 'staff'} path={path} />;
  }
  return (
    <main>
      <h1>govchat</h1>
    </main>
  );
}
