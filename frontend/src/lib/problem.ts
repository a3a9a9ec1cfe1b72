import { z } from 'zod/mini';

/** RFC 9457 problem details as the server sends them (`application/problem+json`). */
export const problemDetailSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.nullish(z.string()),
  instance: z.nullish(z.string()),
  /** Field by field, for a refused form (`{ field, message }`, messages translated by the server). */
  errors: z.optional(z.array(z.object({ field: z.optional(z.string()), message: z.string() }))),
});

export type FieldError = { field: string | null; message: string };

export type ProblemDetail = z.infer<typeof problemDetailSchema>;

/**
 * A failed API call. `detail` is the server's translated explanation when it sent one; `status` 0 means the
 * server was never reached (offline, connection reset).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string | null;
  readonly type: string | null;
  readonly retryAfterSeconds: number | null;
  readonly fieldErrors: FieldError[];

  constructor(options: {
    status: number;
    detail?: string | null;
    type?: string | null;
    retryAfterSeconds?: number | null;
    fieldErrors?: FieldError[];
  }) {
    super(options.detail ?? `HTTP ${options.status}`);
    this.name = 'ApiError';
    this.status = options.status;
    this.detail = options.detail ?? null;
    this.type = options.type ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.fieldErrors = options.fieldErrors ?? [];
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Reads a failed response into an ApiError, using the ProblemDetail `detail` when the body is one. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let problem: ProblemDetail | null = null;
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const parsed = problemDetailSchema.safeParse(await response.json());
      if (parsed.success) problem = parsed.data;
    } catch {
      // a body that is not JSON after all: fall back to the status alone
    }
  }
  return new ApiError({
    status: response.status,
    detail: problem?.detail ?? null,
    type: problem?.type ?? null,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
    fieldErrors: (problem?.errors ?? []).map((error) => ({ field: error.field ?? null, message: error.message })),
  });
}
