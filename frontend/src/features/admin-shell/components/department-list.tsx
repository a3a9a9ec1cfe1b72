import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { currentUiLanguage, pickLocalized } from '../../../lib/i18n';
import type { Admin } from '../api/get-admin';

/** The start page: the departments this admin administers, and whether their assistants are on. */
export function DepartmentList({ admin }: { admin: Admin }) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  return (
    <section aria-labelledby="admin-departments">
      <h2 id="admin-departments">{t('admin.departmentsHeading')}</h2>
      {admin.everyDepartment ? <p>{t('admin.everyDepartment')}</p> : null}
      {admin.departments.length === 0 ? (
        <p>{t('admin.noDepartments')}</p>
      ) : (
        <ul className="department-grid" data-testid="officer-departments">
          {admin.departments.map((department) => (
            <li key={department.id} className="department-card">
              <h3>
                <Link href={`/admin/departments/${encodeURIComponent(department.id)}`} className="department-card__link">
                  {pickLocalized(department.names, language)}
                </Link>
              </h3>
              <p className={`status-pill ${department.available ? 'status-pill--on' : 'status-pill--off'}`}>
                {department.available ? t('admin.switchedOn') : t('admin.switchedOff')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
