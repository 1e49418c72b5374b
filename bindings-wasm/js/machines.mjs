// The sans-IO machines, for JavaScript that moves the bytes itself (its own
// HTTP stack, socket library, or a test's virtual clock): HelixMachine,
// EventSubWsMachine and PubSubMachine. Inputs are handle* calls with what
// arrived and `now`; outputs are pollTransmit(), pollEvent() and
// pollTimeout(). Nothing here reads a clock or does I/O.
//
// `now` is milliseconds on the caller's clock (performance.now(), Date.now(),
// or a test's counter starting at 0): any clock that never goes back, the
// same for a HelixMachine and the machines made over it.

/** `h`: the package's helpers. */
export function makeMachines(h) {
  const rawHelix = new WeakMap();

  function time(now) {
    if (typeof now !== "number" || !Number.isFinite(now)) {
      throw h.invalid("now must be a finite number of milliseconds");
    }
    return now;
  }

  function parse(text) {
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Runs a raw method, its thrown errors as TwitchErrors. */
  function run(f) {
    try {
      return f();
    } catch (error) {
      throw h.fail(error);
    }
  }

  /** An event whose `error` (if any) becomes a TwitchError. */
  function withError(event) {
    if (event?.error && typeof event.error.kind === "string") {
      event.error = new h.TwitchError(event.error.message, event.error);
    }
    return event;
  }

  /** Response headers as [name, value] pairs: from a Headers, pairs or an object. */
  function headerPairs(headers) {
    if (headers === undefined || headers === null) {
      return [];
    }
    if (typeof headers.entries === "function" && !Array.isArray(headers)) {
      return Array.from(headers.entries());
    }
    if (Array.isArray(headers)) {
      return headers;
    }
    if (typeof headers === "object") {
      return Object.entries(headers);
    }
    throw h.invalid("headers must be a Headers, [name, value] pairs or an object");
  }

  /**
   * The Helix session as a machine: tokens, single-flight refresh, retries,
   * rate limits, the hourly validation; you send its requests.
   *
   * ```js
   * const m = new HelixMachine({ clientId, clientSecret, now: 0 });
   * m.setUserAuthentication(token, scopes, refreshToken, 0);
   * const call = m.call("getUsers", { logins: ["twitchdev"] }, 0);
   * for (let t; (t = m.pollTransmit()); ) { ...send t.method t.url t.headers t.body... }
   * m.handleResponse(t.id, { status, headers, body }, now);
   * for (let e; (e = m.pollEvent()); ) { if (e.type === "answer" && e.call === call) ...e.result }
   * ```
   */
  class HelixMachine {
    #raw;

    /**
     * `options`: `clientId`, `clientSecret?`, `helixUrl?`, `authUrl?`,
     * `autoRefresh?` (default: whether a secret is given), `now` (the
     * caller's milliseconds now).
     */
    constructor(options) {
      if (options === null || typeof options !== "object") {
        throw h.invalid("new HelixMachine({ clientId, now, ... }) takes an options object");
      }
      if (typeof options.clientId !== "string" || options.clientId === "") {
        throw h.invalid("options.clientId must be a non-empty string");
      }
      const secret = h.optionalString(options.clientSecret, "options.clientSecret");
      const helixUrl = h.optionalString(options.helixUrl, "options.helixUrl");
      const authUrl = h.optionalString(options.authUrl, "options.authUrl");
      if (options.autoRefresh !== undefined && typeof options.autoRefresh !== "boolean") {
        throw h.invalid("options.autoRefresh must be a boolean");
      }
      const now = time(options.now);
      this.#raw = run(
        () =>
          new h.glue.RawHelixMachine(
            options.clientId,
            secret,
            helixUrl,
            authUrl,
            options.autoRefresh ?? Boolean(secret),
            now,
          ),
      );
      rawHelix.set(this, this.#raw);
    }

    /** The wall clock (`Date.now()`) at `now`, for rate-limit resets of answers without a Date. */
    setWallClock(unixMs, now) {
      this.#raw.setWallClock(time(unixMs), time(now));
    }

    /** Uses an app token obtained elsewhere. */
    setAppToken(token, scopes, now) {
      if (typeof token !== "string") {
        throw h.invalid("token must be a string");
      }
      this.#raw.setAppToken(token, h.scopeList(scopes), time(now));
    }

    /** Sets the user token (with auto refresh on, a refresh token is required). */
    setUserAuthentication(token, scopes, refreshToken, now) {
      if (typeof token !== "string") {
        throw h.invalid("token must be a string");
      }
      const refresh = h.optionalString(refreshToken, "refreshToken");
      run(() => this.#raw.setUserAuthentication(token, h.scopeList(scopes), refresh, time(now)));
    }

    /** Starts getting an app token; returns the call id (then a `ready` or `failed` event). */
    authenticateApp(scopes, now) {
      return this.#raw.authenticateApp(h.scopeList(scopes), time(now));
    }

    /**
     * Starts a Helix method (`"getUsers"` or `"get_users"`) with its
     * parameters; returns the call id. Its outcome is an `answer` event
     * (`result`: Twitch's answer, keys camelCase; null for none) or a
     * `failed` one (`error`: a TwitchError). Throws a TwitchError, with
     * nothing queued, when the arguments break a rule or a scope is missing.
     */
    call(method, params, now) {
      const json = h.argsJson(method, params ?? {});
      return run(() => this.#raw.call(h.snake(method), json, time(now)));
    }

    /** The next request to send: `{ id, method, url, headers: [[name, value]], body }`, or undefined. */
    pollTransmit() {
      return parse(this.#raw.pollTransmit());
    }

    /** The answer to request `id`: `{ status, headers, body }` (body text). */
    handleResponse(id, response, now) {
      if (response === null || typeof response !== "object" || !Number.isInteger(response.status)) {
        throw h.invalid("handleResponse(id, { status, headers, body }, now)");
      }
      const body = response.body ?? "";
      if (typeof body !== "string") {
        throw h.invalid("the response body must be text");
      }
      const headers = JSON.stringify(headerPairs(response.headers));
      run(() => this.#raw.handleResponse(id, response.status, headers, body, time(now)));
    }

    /** Request `id` failed without an answer. */
    handleTransportError(id, error, now) {
      this.#raw.handleTransportError(id, String(error?.message ?? error), time(now));
    }

    /**
     * The next event, or undefined: `{ type: "answer", call, result }`,
     * `{ type: "failed", call, error }`, `{ type: "ready", call }`,
     * `{ type: "tokenRefreshed", kind, accessToken, refreshToken, expiresIn, scopes }`,
     * `{ type: "tokenInvalid", kind }`.
     */
    pollEvent() {
      const event = withError(parse(this.#raw.pollEvent()));
      if (event?.type === "answer") {
        const body = event.body;
        delete event.body;
        event.result = body === "" ? null : JSON.parse(body, h.camelKeys);
      }
      return event;
    }

    /** When to call handleTimeout, in the caller's milliseconds; undefined for never. */
    pollTimeout() {
      return this.#raw.pollTimeout();
    }

    /** Time has reached `now`. */
    handleTimeout(now) {
      this.#raw.handleTimeout(time(now));
    }

    /** How many calls are started and not yet ended. */
    get callsInProgress() {
      return this.#raw.callsInProgress();
    }

    /** Releases the machine. */
    free() {
      this.#raw.free();
    }
  }

  function helixOf(machine, what) {
    const raw = rawHelix.get(machine);
    if (raw === undefined) {
      throw h.invalid(`new ${what}(helixMachine, ...) takes a HelixMachine`);
    }
    return raw;
  }

  /** The wasm machine behind a socket machine (only this module reaches it). */
  let rawOf;

  /** What EventSubWsMachine and PubSubMachine share: sockets, events, time. */
  class SocketMachine {
    #raw;

    constructor(raw) {
      this.#raw = raw;
    }

    static {
      rawOf = (machine) => machine.#raw;
    }

    /** Ends a subscription. */
    unlisten(id, now) {
      run(() => this.#raw.unlisten(String(id), time(now)));
    }

    /** Ends every subscription and closes the sockets. */
    stop(now) {
      run(() => this.#raw.stop(time(now)));
    }

    /**
     * The next socket action: `{ type: "connect", socket, url }`,
     * `{ type: "send", socket, text }` (PubSub) or `{ type: "close", socket }`.
     */
    pollTransmit() {
      return parse(this.#raw.pollTransmit());
    }

    /** The socket opened. */
    handleConnected(socket, now) {
      this.#raw.handleConnected(socket, time(now));
    }

    /** A text frame arrived. */
    handleText(socket, text, now) {
      this.#raw.handleText(socket, String(text), time(now));
    }

    /** The next event (as the EventSubWs or PubSub `onEvent` gets them), or undefined. */
    pollEvent() {
      const text = this.#raw.pollEvent();
      return text === undefined ? undefined : JSON.parse(text, h.camelKeys);
    }

    /** When to call handleTimeout, in the caller's milliseconds; undefined for never. */
    pollTimeout() {
      return this.#raw.pollTimeout();
    }

    /** Time has reached `now` (for PubSub, also hands over a refreshed token). */
    handleTimeout(now) {
      this.#raw.handleTimeout(time(now));
    }

    /** Releases the machine. */
    free() {
      this.#raw.free();
    }
  }

  /**
   * The EventSub WebSocket machine: sessions, keepalives, the reconnect
   * handoff, subscriptions. You open the sockets; its Helix requests are the
   * HelixMachine's (poll both after every input).
   */
  class EventSubWsMachine extends SocketMachine {
    /** `options`: `url?` (the server), `now`. */
    constructor(helixMachine, options = {}) {
      const helix = helixOf(helixMachine, "EventSubWsMachine");
      const url = h.optionalString(options?.url, "options.url");
      super(new (h.feature("RawEventSubWsMachine", "EventSub"))(helix, url, time(options?.now)));
    }

    /** Subscribes; returns the subscription's handle (created once a `subscribed` event says so). */
    listen(type, version, condition, now) {
      if (typeof type !== "string" || typeof version !== "string") {
        throw h.invalid("listen(type, version, condition, now): type and version are strings");
      }
      if (condition === null || typeof condition !== "object" || Array.isArray(condition)) {
        throw h.invalid(`${type}: the condition must be an object`);
      }
      const json = JSON.stringify(h.snakeKeys(condition));
      return run(() => rawOf(this).listen(type, version, json, time(now)));
    }

    /** The socket closed (with its close code, if any). */
    handleClosed(socket, code, now) {
      rawOf(this).handleClosed(socket, Number.isInteger(code) ? code : undefined, time(now));
    }
  }

  /**
   * The PubSub machine: LISTEN batches, confirmations, PING/PONG, RECONNECT,
   * backoff, re-LISTEN. LISTENs carry the HelixMachine's user token; a
   * refused token is refreshed by that machine (drive it too).
   */
  class PubSubMachine extends SocketMachine {
    /** `options`: `url?` (the server). */
    constructor(helixMachine, options = {}) {
      const helix = helixOf(helixMachine, "PubSubMachine");
      const url = h.optionalString(options?.url, "options.url");
      super(new (h.feature("RawPubSubMachine", "PubSub"))(helix, url));
    }

    /** Opens the connections (the seed's start). */
    start(now) {
      run(() => rawOf(this).start(time(now)));
    }

    /**
     * Subscribes by PubSub's method name (`"listenWhispers"`, ...) with its
     * ids (`[userId]`, or `[userId, channelId]` for listenChatModeratorActions);
     * returns the subscription's UUID.
     */
    listen(method, ids, now) {
      if (typeof method !== "string" || !Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
        throw h.invalid("listen(method, ids, now): a method name and an array of id strings");
      }
      return run(() => rawOf(this).listen(h.snake(method), ids[0] ?? "", ids[1], time(now)));
    }

    /** The socket closed or could not open. */
    handleClosed(socket, now) {
      rawOf(this).handleClosed(socket, time(now));
    }
  }

  return { HelixMachine, EventSubWsMachine, PubSubMachine };
}
