import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { currentUiLanguage, pickLocalized } from '../../../lib/i18n';
import type { Department } from '../api/get-departments';

type DepartmentPickerProps = {
  departments: Department[];
  /** Where a card leads, e.g. `/?department=<id>`. */
  hrefFor: (department: Department) => string;
};

/** One card per department: its name and greeting in the UI language, and whether it answers now. */
export function DepartmentPicker({ departments, hrefFor }: DepartmentPickerProps) {
  const { t } = useTranslation();
  const language = currentUiLanguage();
  if (departments.length === 0) return <p>{t('departments.empty')}</p>;
  return (
    <ul className="department-grid">
      {departments.map((department) => {
        const name = pickLocalized(department.names, language);
        return (
          <li key={department.id} className={`department-card${department.available ? '' : ' department-card--off'}`}>
            <h3 className="department-card__name">
              <Link href={hrefFor(department)} className="department-card__link">
                {name}
              </Link>
            </h3>
            <p className="department-card__greeting">{pickLocalized(department.greeting, language)}</p>
            <p className={`status-pill${department.available ? ' status-pill--on' : ' status-pill--off'}`}>
              {department.available
                ? t('departments.available')
                : department.unavailableReason === 'backend-down'
                  ? t('departments.temporarilyUnavailable')
                  : t('departments.unavailable')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
