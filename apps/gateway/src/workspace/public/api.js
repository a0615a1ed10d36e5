/** Calls to the workspace API: JSON in and out, the CSRF token echoed on every change, errors as ApiError. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function csrfToken() {
  const match = document.cookie.split('; ').find((pair) => pair.startsWith('workspace_csrf='));
  return match ? decodeURIComponent(match.slice('workspace_csrf='.length)) : '';
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/workspace/api/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 401 && !path.startsWith('session') && !path.startsWith('password')) {
    window.location.assign('/workspace/sign-in');
    throw new ApiError(401, 'Your session has ended. Please sign in again.');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (data && data.message) || `The server answered ${response.status}.`);
  return data;
}
