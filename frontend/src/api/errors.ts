import type { components } from './schema';

/** A problem+json answer of the API, as documented. */
export type ServerProblem = components['schemas']['Problem'];
export type ErrorCode = ServerProblem['code'];
export type FieldErrorCode = NonNullable<ServerProblem['error_codes']>[string][number];
/** What an ApiError holds: the server's problem, or what is known of an answer that was not one
 * (a network failure, a proxy's HTML error page). */
export type Problem = Partial<ServerProblem> & { status: number };
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

  /** The stable code of the error (branch on this, never on the text); undefined when the
   * answer did not come from the API (network failure, proxy error page). */
  get code(): ErrorCode | undefined {
    return this.problem.code;
  }

  /** The stable code of each field message, in the order of `fieldErrors`. */
  get fieldErrorCodes(): Record<string, FieldErrorCode[]> {
    return this.problem.error_codes ?? {};
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
