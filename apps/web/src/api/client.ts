import type { ErrorBody } from '@hoeder/contracts';

/** A refusal from the API, carrying the server's error code so the UI can explain it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    readonly requestId: string | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Code used when the server could not be reached or answered with something that is not JSON. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

let csrfToken: string | undefined;

/** The token from GET /api/me; every state-changing request must echo it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function loginUrl(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** The server runs the OIDC login, so leaving the single-page app is intended here. */
function redirectToLogin(): void {
  const { pathname, search } = window.location;
  window.location.assign(loginUrl(`${pathname}${search}`));
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details, body.requestId);
  }
  return new ApiError(res.status, res.status === 404 ? 'NOT_FOUND' : NETWORK_ERROR, res.statusText, undefined, undefined);
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, String(cause), undefined, undefined);
  }
  if (res.status === 401) {
    redirectToLogin();
    throw await toApiError(res);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const apiGet = <T>(path: string): Promise<T> => request<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body);
