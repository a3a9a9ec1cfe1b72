import type { UiLanguage } from '../texts';

export type Area = 'staff' | 'admin';

export type LocalizedNames = { en: string; 'zh-Hant': string; 'zh-Hans': string };

export type OfficerDepartment = { id: string; names: LocalizedNames };

export type Officer = {
  displayName: string;
  roles: string[];
  everyDepartment: boolean;
  departments: OfficerDepartment[];
};

/** What the page can show: the officer, or the server's (translated) reason why not. */
export type OfficerResult =
  | { kind: 'officer'; officer: Officer }
  | { kind: 'refused'; status: number; type: string | null; detail: string | null; signInUrl: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function parseDepartment(value: unknown): OfficerDepartment | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !isRecord(value.names)) return null;
  const names = value.names;
  const en = text(names.en);
  const hant = text(names['zh-Hant']);
  const hans = text(names['zh-Hans']);
  if (en === null || hant === null || hans === null) return null;
  return { id: value.id, names: { en, 'zh-Hant': hant, 'zh-Hans': hans } };
}

/** Checks the answer of `/api/v1/{staff,admin}/me` instead of trusting its shape. */
export function parseOfficer(data: unknown): Officer {
  if (!isRecord(data) || typeof data.displayName !== 'string' || !Array.isArray(data.departments)) {
    throw new Error('Unexpected answer from the server');
  }
  const departments = data.departments.map(parseDepartment);
  if (departments.some((d) => d === null)) throw new Error('Unexpected answer from the server');
  return {
    displayName: data.displayName,
    roles: Array.isArray(data.roles) ? data.roles.filter((r): r is string => typeof r === 'string') : [],
    everyDepartment: data.everyDepartment === true,
    departments: departments as OfficerDepartment[],
  };
}

export async function getOfficer(area: Area, language: UiLanguage, signal?: AbortSignal): Promise<OfficerResult> {
  const response = await fetch(`/api/v1/${area}/me`, {
    headers: { Accept: 'application/json', 'Accept-Language': language },
    credentials: 'same-origin',
    signal,
  });
  if (response.ok) return { kind: 'officer', officer: parseOfficer(await response.json()) };
  let problem: Record<string, unknown> = {};
  try {
    const body: unknown = await response.json();
    if (isRecord(body)) problem = body;
  } catch {
    // not a problem document: the status alone must do
  }
  return {
    kind: 'refused',
    status: response.status,
    type: text(problem.type),
    detail: text(problem.detail),
    signInUrl: text(problem.signInUrl),
  };
}
