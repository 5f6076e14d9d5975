// Calls to sitrep's JSON API (same origin). Errors become Error objects with the server's message.

export function queryString(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params = {}, { signal } = {}) {
  const response = await fetch(path + queryString(params), { signal, headers: { Accept: "application/json" } });
  return readResponse(response);
}

export async function postJSON(path, body, token) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return readResponse(response);
}

async function readResponse(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = (body && (body.message || (typeof body.detail === "string" && body.detail))) ||
      `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}
