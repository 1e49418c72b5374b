// What the package's tests share: the mock Twitch server (its URL in
// TWITCHAPI_MOCK_URL, set by scripts/test-npm), its admin API, and clients.
import { Twitch } from "twitchapi";

export const CLIENT_ID = "mock-client-id";
export const CLIENT_SECRET = "mock-client-secret";
export const TWITCHDEV_ID = "141981764";

export const MOCK_URL = process.env.TWITCHAPI_MOCK_URL;
if (!MOCK_URL) {
  throw new Error("TWITCHAPI_MOCK_URL names the mock server (scripts/test-npm sets it)");
}

/** An admin request of the mock; its JSON answer, null for none. */
export async function admin(method, path) {
  const response = await fetch(MOCK_URL + path, { method });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return text === "" ? null : JSON.parse(text);
}

/** How many requests the mock saw that match `query` (method=...&path=...). */
export async function count(query) {
  return (await admin("GET", `/mock/requests/count?${query}`)).count;
}

/** A user token of twitchdev with these scopes: { accessToken, refreshToken }. */
export async function userToken(scopes = "") {
  const token = await admin(
    "POST",
    `/mock/users/${TWITCHDEV_ID}/token?scopes=${encodeURIComponent(scopes)}`,
  );
  return { accessToken: token.access_token, refreshToken: token.refresh_token };
}

/** A client of the mock; `close()` it at the end. */
export function client(options = {}) {
  return new Twitch({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    helixUrl: `${MOCK_URL}/helix`,
    authUrl: MOCK_URL,
    ...options,
  });
}
