import { OfficerHome } from '../../features/staff-home/components/officer-home';

/** The department admin console (`/admin/**`), loaded on demand. */
export default function AdminRoute({ path }: { path: string }) {
  return <OfficerHome area="admin" path={path} />;
}
