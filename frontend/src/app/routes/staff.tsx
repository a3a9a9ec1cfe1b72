import { OfficerHome } from '../../features/staff-home/components/officer-home';

/** The staff portal (`/staff/**`), loaded on demand. */
export default function StaffRoute({ path }: { path: string }) {
  return <OfficerHome area="staff" path={path} />;
}
