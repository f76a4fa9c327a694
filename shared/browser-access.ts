// How a browser tab proves it may use `fieldnotes serve`, agreed by the server and the renderer.
// The key is the per-launch token from the printed address; it never goes into a cookie, because
// browsers send cookies to every port of 127.0.0.1. The tab keeps it (sessionStorage) and sends it
// as `Authorization: Bearer <token>` on calls, and as a WebSocket subprotocol on the event socket.

/** The subprotocol the event socket speaks, and the only one the server echoes back. */
export const SOCKET_PROTOCOL = 'fieldnotes';

/** Offered beside SOCKET_PROTOCOL as `token.<token>`: browsers cannot set headers on a WebSocket. */
export const SOCKET_TOKEN_PREFIX = 'token.';

/** The page a tab without a valid token is sent to: it says how to get in. */
export const NO_ACCESS_PATH = '/no-access';

/** What a token looks like: it must fit an address and a subprotocol unchanged. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,}$/;
