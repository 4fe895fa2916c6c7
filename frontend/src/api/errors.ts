import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type FieldErrors = Record<string, string[]>;

/**
 * Every failed API call ends as an ApiError: a problem+json answer from the server (status >= 400),
 * or a request that never got an answer (status 0: offline, DNS, server down).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Validation messages per field (`errors` of the problem), empty when there are none. */
  get fieldErrors(): FieldErrors {
    return this.problem.errors ?? {};
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, { status: 0, title: 'Network error', detail: String(cause) });
    error.cause = cause;
    return error;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
