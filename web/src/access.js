// The run's token when the server listens beyond this machine (`--listen 0.0.0.0:PORT`): the
// operator's address, printed by `wijkatlas serve` and shown as a QR code, carries it as
// ?token=...; the page sends it with every write and every read of drawings. On loopback there
// is none and none is needed; without it off loopback the server refuses those (401/403).
const token = new URLSearchParams(window.location.search).get('token');

export function withToken(headers = {}) {
  return token ? { ...headers, 'X-Wijkatlas-Token': token } : headers;
}

// GET a JSON answer with the token; the server's Dutch message as the error of a refusal.
export async function getJson(url) {
  const res = await fetch(url, { headers: withToken() });
  const body = await res.json();
  if (!res.ok) throw new Error(body?.fout?.bericht ?? `HTTP ${res.status}`);
  return body;
}
