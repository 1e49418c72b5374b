// The package's JavaScript API over the wasm module's `RawTwitch`: the
// camelCase `Twitch` class, one method per Helix endpoint, and `TwitchError`.
// Shared by the browser and the Node entries; scripts/build-npm also turns it
// into api.cjs for `require`.

/** `get_users` -> `getUsers`. */
function camel(name) {
  return name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** `broadcasterId` -> `broadcaster_id` (snake_case names stay as they are). */
function snake(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `JSON.parse` reviver: the keys of every object camelCase. */
function camelKeys(_key, value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return value;
  }
  const out = {};
  for (const key of Object.keys(value)) {
    out[camel(key)] = value[key];
  }
  return out;
}

/**
 * Builds the API over a wasm-bindgen glue module (its `RawTwitch` and
 * `endpointNames`). The glue must be loaded before a `Twitch` is made and
 * before `ready()` adds the per-endpoint methods.
 */
export function makeApi(glue) {
  /** Every error of the package: `kind` names the Rust variant. */
  class TwitchError extends Error {
    constructor(message, fields = {}) {
      super(message);
      this.name = "TwitchError";
      this.kind = fields.kind ?? "other";
      for (const key of ["status", "required", "reset"]) {
        if (fields[key] !== undefined) {
          this[key] = fields[key];
        }
      }
    }
  }

  /** A described error from the wasm side as a TwitchError; others as they are. */
  function fail(error) {
    if (error instanceof TwitchError || typeof error?.kind !== "string") {
      return error;
    }
    return new TwitchError(error.message, error);
  }

  function invalid(message) {
    return new TwitchError(`invalid argument: ${message}`, { kind: "invalidArgument" });
  }

  function optionalString(value, name) {
    if (value !== undefined && value !== null && typeof value !== "string") {
      throw invalid(`${name} must be a string`);
    }
    return value ?? undefined;
  }

  function scopeList(scopes) {
    if (scopes === undefined || scopes === null) {
      return [];
    }
    if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === "string")) {
      throw invalid("scopes must be an array of strings");
    }
    return scopes;
  }

  /** A method's parameters as JSON text with the seed's (snake_case) names. */
  function argsJson(method, params) {
    if (typeof method !== "string") {
      throw invalid("the method name must be a string");
    }
    if (params === null || typeof params !== "object" || Array.isArray(params)) {
      throw invalid(`${method} takes an object of parameters`);
    }
    const args = {};
    for (const [key, value] of Object.entries(params)) {
      args[snake(key)] = value;
    }
    try {
      return JSON.stringify(args);
    } catch (error) {
      throw invalid(`${method}: parameters are not JSON: ${error.message}`);
    }
  }

  /** Each Twitch's wasm client, for the EventSub client made over it. */
  const rawOf = new WeakMap();

  /** An object's keys snake_case, one level (conditions). */
  function snakeKeys(object) {
    const out = {};
    for (const [key, value] of Object.entries(object)) {
      out[snake(key)] = value;
    }
    return out;
  }

  /** The Twitch API client: Helix calls, app and user tokens, refresh. */
  class Twitch {
    #raw;

    constructor(options) {
      if (options === null || typeof options !== "object") {
        throw invalid("new Twitch({ clientId, ... }) takes an options object");
      }
      if (typeof options.clientId !== "string" || options.clientId === "") {
        throw invalid("options.clientId must be a non-empty string");
      }
      const secret = optionalString(options.clientSecret, "options.clientSecret");
      const helixUrl = optionalString(options.helixUrl, "options.helixUrl");
      const authUrl = optionalString(options.authUrl, "options.authUrl");
      if (options.autoRefresh !== undefined && typeof options.autoRefresh !== "boolean") {
        throw invalid("options.autoRefresh must be a boolean");
      }
      // refreshing needs the app secret: without one, auto refresh is off by default
      const autoRefresh = options.autoRefresh ?? Boolean(secret);
      const perMinute = options.extensionRequestsPerMinute;
      if (perMinute !== undefined && !(Number.isInteger(perMinute) && perMinute > 0)) {
        throw invalid("options.extensionRequestsPerMinute must be a whole number above 0");
      }
      try {
        this.#raw = new glue.RawTwitch(
          options.clientId,
          secret,
          helixUrl,
          authUrl,
          autoRefresh,
          perMinute,
        );
      } catch (error) {
        throw fail(error);
      }
      rawOf.set(this, this.#raw);
    }

    /** Gets an app token by client credentials (needs `clientSecret`). */
    async authenticateApp(scopes = []) {
      const list = scopeList(scopes);
      try {
        await this.#raw.authenticateApp(list);
      } catch (error) {
        throw fail(error);
      }
    }

    /** Uses an app token obtained elsewhere. */
    setAppToken(token, scopes = []) {
      if (typeof token !== "string") {
        throw invalid("token must be a string");
      }
      this.#raw.setAppToken(token, scopeList(scopes));
    }

    /**
     * Sets the user token and its scopes; with auto refresh on, a refresh
     * token is required.
     */
    setUserAuthentication(token, scopes = [], refreshToken = undefined) {
      if (typeof token !== "string") {
        throw invalid("token must be a string");
      }
      const list = scopeList(scopes);
      const refresh = optionalString(refreshToken, "refreshToken");
      try {
        this.#raw.setUserAuthentication(token, list, refresh);
      } catch (error) {
        throw fail(error);
      }
    }

    /**
     * For an extension's front end: pass what `window.Twitch.ext.onAuthorized`
     * hands the extension (`{ clientId, helixToken, ... }`), and again with each
     * new authorization. Calls then go out as `Authorization: Extension
     * <helixToken>` within a budget of `extensionRequestsPerMinute` (default 30,
     * Twitch's limit per viewer; further calls wait). That token serves only
     * methods that take a user token and need no scope (getStreams, getUsers,
     * ...): any other call rejects before sending, with kind `authorization`.
     */
    setExtensionAuthorization(auth) {
      if (auth === null || typeof auth !== "object") {
        throw invalid("setExtensionAuthorization takes onAuthorized's object");
      }
      for (const key of ["clientId", "helixToken"]) {
        if (typeof auth[key] !== "string" || auth[key] === "") {
          throw invalid(`the authorization's ${key} must be a non-empty string`);
        }
      }
      this.#raw.setExtensionAuthorization(auth.clientId, auth.helixToken);
    }

    /** The app token, or null. */
    getAppToken() {
      return this.#raw.getAppToken() ?? null;
    }

    /** The user token, or null. */
    getUserAuthToken() {
      return this.#raw.getUserAuthToken() ?? null;
    }

    /** The user token's scopes. */
    getUserAuthScope() {
      return this.#raw.getUserAuthScope();
    }

    /**
     * Calls `callback({ kind, accessToken, refreshToken, expiresIn, scopes })`
     * with every token obtained or refreshed: persist the refresh token there
     * (Twitch rotates it).
     */
    onTokenRefresh(callback) {
      if (typeof callback !== "function") {
        throw invalid("onTokenRefresh takes a function");
      }
      this.#raw.onTokenRefresh(callback);
    }

    /**
     * The device code flow for this app (Node and browsers; a public client
     * needs no secret): `onCode({ userCode, verificationUri, expiresIn })` is
     * called once Twitch gave a code to show; resolves with `{ accessToken,
     * refreshToken, expiresIn, scopes }` once the user approved. Rejects with
     * `accessDenied` when they refused, `oauth` when the code ran out. Polls
     * follow Twitch's interval and `slow_down`. The tokens are not set on the
     * client: pass them to `setUserAuthentication`.
     */
    async deviceFlow(scopes, onCode) {
      const list = scopeList(scopes);
      if (typeof onCode !== "function") {
        throw invalid("deviceFlow(scopes, onCode) takes a function to show the code");
      }
      try {
        return await this.#raw.deviceFlow(list, onCode);
      } catch (error) {
        throw fail(error);
      }
    }

    /** How many calls are started and not yet ended. */
    get callsInProgress() {
      return this.#raw.callsInProgress();
    }

    /**
     * Calls a Helix method by name (`"get_users"` or `"getUsers"`) with its
     * parameters (the seed's names, snake_case or camelCase). Resolves with
     * Twitch's answer, keys camelCase (`{ data, pagination, total }`), or
     * null for an answer without a body; rejects with a TwitchError.
     */
    async call(method, params = {}) {
      return this.#send(method, argsJson(method, params));
    }

    /**
     * Every item of a paginated Helix method, page after page, as an async
     * iterator: `for await (const s of twitch.paginate("getStreams", { first: 100 }))`.
     * The first call takes `params` as given; each next one sets `after` to
     * the page's cursor (or `before`, when `params` set `before`), until a
     * page has no cursor or no items. `options.limit` stops after that many
     * items (and asks for no page beyond them). A cursor that comes back
     * rejects with a `protocol` TwitchError rather than looping. A method
     * without pagination yields its one page's `data`.
     */
    async *paginate(method, params = {}, options = {}) {
      const limit = options?.limit;
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
        throw invalid("options.limit must be a whole number of items");
      }
      let walk;
      try {
        walk = new glue.RawPages(argsJson(method, params));
      } catch (error) {
        throw fail(error);
      }
      try {
        let given = 0;
        for (let next = walk.nextParams(); next !== undefined; next = walk.nextParams()) {
          if (limit !== undefined && given >= limit) {
            return;
          }
          const page = await this.#send(method, next);
          const items = Array.isArray(page?.data) ? page.data : [];
          try {
            walk.handlePage(page?.pagination?.cursor || undefined, items.length);
          } catch (error) {
            // the page's items still count; the walk ends after them
            for (const item of items) {
              if (limit !== undefined && given >= limit) {
                return;
              }
              given += 1;
              yield item;
            }
            throw fail(error);
          }
          for (const item of items) {
            if (limit !== undefined && given >= limit) {
              return;
            }
            given += 1;
            yield item;
          }
        }
      } finally {
        walk.free();
      }
    }

    async #send(method, json) {
      let text;
      try {
        text = await this.#raw.call(snake(method), json);
      } catch (error) {
        throw fail(error);
      }
      if (text === "") {
        return null;
      }
      try {
        return JSON.parse(text, camelKeys);
      } catch (error) {
        throw new TwitchError(`protocol error: ${error.message}`, { kind: "protocol" });
      }
    }

    /** Releases the client (its timers stop); it cannot be used afterwards. */
    close() {
      this.#raw.free();
    }
  }

  /**
   * EventSub over WebSocket: `listen<Type>(condition, callback)` for every
   * type (`listenChannelFollow({ broadcasterUserId, moderatorUserId }, (event) => ...)`),
   * `listen(type, version, condition, callback)` for any, `unlisten(id)`,
   * `stop()`. The subscriptions are created with the client's user token.
   * Sessions, keepalives, Twitch's `session_reconnect` handoff, reconnects
   * with backoff and repeated messages are the core machine's business; this
   * class only moves frames between it and the host's `WebSocket`.
   */
  class EventSubWs {
    #raw;
    #Socket;
    #sockets = new Map();
    #callbacks = new Map();
    #pending = new Map();
    #listeners = new Set();
    #inflight = new Set();
    #timer;

    /**
     * `options.url`: the EventSub WebSocket server (default Twitch's);
     * `options.WebSocket`: the WebSocket class (default the host's; Node 20
     * has one with `--experimental-websocket`, Node 22 by default).
     */
    constructor(twitch, options = {}) {
      const raw = rawOf.get(twitch);
      if (raw === undefined) {
        throw invalid("new EventSubWs(twitch) takes a Twitch client");
      }
      const url = optionalString(options?.url, "options.url");
      this.#Socket = socketClass(options);
      this.#raw = new glue.RawEventSubWs(raw, url);
    }

    /**
     * Subscribes to `type` in `version` with `condition` (Twitch's names,
     * camelCase or snake_case); `callback(event, notification)` gets each
     * event (keys camelCase) and `{ subscriptionId, messageId, type, version }`.
     * Resolves with the subscription's id (for `unlisten`) once Twitch has
     * created it; rejects with a TwitchError when Twitch refuses.
     */
    listen(type, version, condition, callback) {
      if (typeof type !== "string" || typeof version !== "string") {
        return Promise.reject(invalid("listen(type, version, condition, callback): type and version are strings"));
      }
      if (condition === null || typeof condition !== "object" || Array.isArray(condition)) {
        return Promise.reject(invalid(`${type}: the condition must be an object`));
      }
      if (typeof callback !== "function") {
        return Promise.reject(invalid(`${type}: the callback must be a function`));
      }
      let id;
      try {
        id = this.#alive().listen(type, version, JSON.stringify(snakeKeys(condition)));
      } catch (error) {
        return Promise.reject(fail(error));
      }
      this.#callbacks.set(id, callback);
      const created = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
      this.#pump();
      return created;
    }

    /** Ends a subscription (deleted at Twitch). */
    unlisten(id) {
      try {
        this.#alive().unlisten(String(id));
      } catch (error) {
        throw fail(error);
      }
      this.#callbacks.delete(id);
      this.#pump();
    }

    /**
     * `callback(event)` gets everything that happens, as `{ type, ... }`:
     * `welcome`, `subscribed`, `subscribeFailed`, `notification`,
     * `reconnecting`, `reconnected`, `revoked`, `error`.
     */
    onEvent(callback) {
      if (typeof callback !== "function") {
        throw invalid("onEvent takes a function");
      }
      this.#listeners.add(callback);
    }

    /**
     * Deletes every subscription at Twitch and closes the sockets; a stopped
     * EventSubWs cannot be used again.
     */
    async stop() {
      if (this.#raw === undefined) {
        return;
      }
      this.#raw.stop();
      this.#pump();
      while (this.#inflight.size > 0) {
        await Promise.allSettled([...this.#inflight]);
        this.#pump();
      }
      clearTimeout(this.#timer);
      for (const socket of this.#sockets.values()) {
        socket.close();
      }
      this.#sockets.clear();
      // releases the machine and its hold on the client (whose timers stop with it)
      this.#raw.free();
      this.#raw = undefined;
    }

    #alive() {
      if (this.#raw === undefined) {
        throw invalid("this client is stopped");
      }
      return this.#raw;
    }

    #pump() {
      const raw = this.#raw;
      if (raw === undefined) {
        return;
      }
      for (let next = raw.pollTransmit(); next !== undefined; next = raw.pollTransmit()) {
        const transmit = JSON.parse(next);
        if (transmit.connect) {
          this.#open(transmit.connect.socket, transmit.connect.url);
        } else if (transmit.close) {
          const socket = this.#sockets.get(transmit.close.socket);
          this.#sockets.delete(transmit.close.socket);
          socket?.close();
        } else if (transmit.helix !== undefined) {
          const sent = raw.helix(transmit.helix).finally(() => {
            this.#inflight.delete(sent);
            this.#pump();
          });
          this.#inflight.add(sent);
        }
      }
      for (let next = raw.pollEvent(); next !== undefined; next = raw.pollEvent()) {
        this.#deliver(JSON.parse(next, camelKeys));
      }
      clearTimeout(this.#timer);
      const wait = raw.pollTimeout();
      if (wait !== undefined) {
        this.#timer = setTimeout(() => {
          this.#raw?.handleTimeout();
          this.#pump();
        }, wait);
      }
    }

    #open(id, url) {
      let socket;
      try {
        socket = new this.#Socket(url);
      } catch {
        this.#raw.handleClosed(id, undefined);
        queueMicrotask(() => this.#pump());
        return;
      }
      this.#sockets.set(id, socket);
      socket.onopen = () => {
        this.#raw?.handleConnected(id);
        this.#pump();
      };
      socket.onmessage = (message) => {
        this.#raw?.handleText(id, String(message.data));
        this.#pump();
      };
      socket.onclose = (closed) => {
        // a socket the machine closed itself is no news to it
        if (this.#sockets.get(id) === socket) {
          this.#sockets.delete(id);
          this.#raw?.handleClosed(id, closed?.code);
          this.#pump();
        }
      };
    }

    #deliver(event) {
      if (event.type === "notification") {
        const callback = this.#callbacks.get(event.uuid);
        if (callback) {
          const { subscriptionId, messageId, kind, version } = event;
          try {
            callback(event.event, { subscriptionId, messageId, type: kind, version });
          } catch (error) {
            queueMicrotask(() => {
              throw error;
            });
          }
        }
      } else if (event.type === "subscribed") {
        this.#pending.get(event.uuid)?.resolve(event.uuid);
        this.#pending.delete(event.uuid);
      } else if (event.type === "subscribeFailed") {
        this.#callbacks.delete(event.uuid);
        this.#pending.get(event.uuid)?.reject(new TwitchError(event.message, { kind: event.errorKind }));
        this.#pending.delete(event.uuid);
      }
      for (const listener of this.#listeners) {
        listener(event);
      }
    }
  }

  /** The host's WebSocket class, or the one given. */
  function socketClass(options) {
    const Socket = options?.WebSocket ?? globalThis.WebSocket;
    if (typeof Socket !== "function") {
      throw invalid(
        "this host has no WebSocket: pass options.WebSocket (Node 20: run node with --experimental-websocket)",
      );
    }
    return Socket;
  }

  /**
   * The seed's PubSub client (Twitch retired PubSub in 2025; a server that
   * speaks it, like the mock, still works): `start()`, then
   * `listenWhispers(userId, (uuid, data) => ...)`, `listenBitsV1(channelId, ..)`,
   * `listenBits`, `listenBitsBadgeNotification`, `listenChannelPoints`,
   * `listenChannelSubscriptions` (each `(channelId, callback)`),
   * `listenChatModeratorActions(userId, channelId, callback)`; `unlisten(uuid)`,
   * `stop()`. LISTENs carry the client's user token. PINGs, PONG timeouts,
   * RECONNECT, backoff and LISTENing again are the core machine's business.
   */
  class PubSub {
    #raw;
    #Socket;
    #sockets = new Map();
    #callbacks = new Map();
    #pending = new Map();
    #listeners = new Set();
    #timer;

    /** `options.url`: the server (default Twitch's); `options.WebSocket`. */
    constructor(twitch, options = {}) {
      const raw = rawOf.get(twitch);
      if (raw === undefined) {
        throw invalid("new PubSub(twitch) takes a Twitch client");
      }
      const url = optionalString(options?.url, "options.url");
      this.#Socket = socketClass(options);
      this.#raw = new glue.RawPubSub(raw, url);
      this.#raw.onWake(() => this.#pump());
    }

    /** Opens the connection. */
    start() {
      try {
        this.#alive().start();
      } catch (error) {
        throw fail(error);
      }
      this.#pump();
    }

    /**
     * Listens by the seed's method name and ids; resolves with the
     * subscription's UUID once Twitch confirmed it (rejects with the
     * TwitchError Twitch's refusal maps to). `callback(uuid, data)` gets
     * each message's decoded `data.message`, keys camelCase.
     */
    listenTo(method, ids, callback) {
      if (typeof callback !== "function") {
        return Promise.reject(invalid(`${method}: the callback must be a function`));
      }
      if (!ids.every((id) => typeof id === "string")) {
        return Promise.reject(invalid(`${method}: the ids must be strings`));
      }
      let uuid;
      try {
        uuid = this.#alive().listen(method, ids[0], ids[1]);
      } catch (error) {
        return Promise.reject(fail(error));
      }
      this.#callbacks.set(uuid, callback);
      const confirmed = new Promise((resolve, reject) => this.#pending.set(uuid, { resolve, reject }));
      this.#pump();
      return confirmed;
    }

    listenWhispers(userId, callback) {
      return this.listenTo("listen_whispers", [userId], callback);
    }

    listenBitsV1(channelId, callback) {
      return this.listenTo("listen_bits_v1", [channelId], callback);
    }

    listenBits(channelId, callback) {
      return this.listenTo("listen_bits", [channelId], callback);
    }

    listenBitsBadgeNotification(channelId, callback) {
      return this.listenTo("listen_bits_badge_notification", [channelId], callback);
    }

    listenChannelPoints(channelId, callback) {
      return this.listenTo("listen_channel_points", [channelId], callback);
    }

    listenChannelSubscriptions(channelId, callback) {
      return this.listenTo("listen_channel_subscriptions", [channelId], callback);
    }

    listenChatModeratorActions(userId, channelId, callback) {
      return this.listenTo("listen_chat_moderator_actions", [userId, channelId], callback);
    }

    /** Ends a subscription (UNLISTEN when it was its topic's last). */
    unlisten(uuid) {
      try {
        this.#alive().unlisten(String(uuid));
      } catch (error) {
        throw fail(error);
      }
      this.#callbacks.delete(uuid);
      this.#pump();
    }

    /**
     * `callback(event)` gets everything: `listening`, `listenFailed`,
     * `message`, `reconnecting`, `reconnected`, `tokenRejected`, `error`.
     */
    onEvent(callback) {
      if (typeof callback !== "function") {
        throw invalid("onEvent takes a function");
      }
      this.#listeners.add(callback);
    }

    /** Closes the connections; a stopped PubSub cannot be started again. */
    stop() {
      if (this.#raw === undefined) {
        return;
      }
      try {
        this.#raw.stop();
      } catch {
        // never started: nothing to close
      }
      this.#pump();
      clearTimeout(this.#timer);
      for (const socket of this.#sockets.values()) {
        socket.close();
      }
      this.#sockets.clear();
      // releases the machine and its hold on the client (whose timers stop with it)
      this.#raw.free();
      this.#raw = undefined;
    }

    #alive() {
      if (this.#raw === undefined) {
        throw invalid("this client is stopped");
      }
      return this.#raw;
    }

    #pump() {
      const raw = this.#raw;
      if (raw === undefined) {
        return;
      }
      for (let next = raw.pollTransmit(); next !== undefined; next = raw.pollTransmit()) {
        const transmit = JSON.parse(next);
        if (transmit.connect) {
          this.#open(transmit.connect.connection, transmit.connect.url);
        } else if (transmit.send) {
          this.#sockets.get(transmit.send.connection)?.send(transmit.send.text);
        } else if (transmit.close) {
          const socket = this.#sockets.get(transmit.close.connection);
          this.#sockets.delete(transmit.close.connection);
          socket?.close();
        }
      }
      for (let next = raw.pollEvent(); next !== undefined; next = raw.pollEvent()) {
        this.#deliver(JSON.parse(next, camelKeys));
      }
      clearTimeout(this.#timer);
      const wait = raw.pollTimeout();
      if (wait !== undefined) {
        this.#timer = setTimeout(() => {
          this.#raw?.handleTimeout();
          this.#pump();
        }, wait);
      }
    }

    #open(id, url) {
      let socket;
      try {
        socket = new this.#Socket(url);
      } catch {
        this.#raw.handleClosed(id);
        queueMicrotask(() => this.#pump());
        return;
      }
      this.#sockets.set(id, socket);
      socket.onopen = () => {
        this.#raw?.handleConnected(id);
        this.#pump();
      };
      socket.onmessage = (message) => {
        this.#raw?.handleText(id, String(message.data));
        this.#pump();
      };
      socket.onclose = () => {
        if (this.#sockets.get(id) === socket) {
          this.#sockets.delete(id);
          this.#raw?.handleClosed(id);
          this.#pump();
        }
      };
    }

    #deliver(event) {
      if (event.type === "message") {
        const callback = this.#callbacks.get(event.uuid);
        if (callback) {
          try {
            callback(event.uuid, event.data);
          } catch (error) {
            queueMicrotask(() => {
              throw error;
            });
          }
        }
      } else if (event.type === "listening") {
        this.#pending.get(event.uuid)?.resolve(event.uuid);
        this.#pending.delete(event.uuid);
      } else if (event.type === "listenFailed") {
        this.#callbacks.delete(event.uuid);
        this.#pending.get(event.uuid)?.reject(new TwitchError(event.message, { kind: event.errorKind }));
        this.#pending.delete(event.uuid);
      }
      for (const listener of this.#listeners) {
        listener(event);
      }
    }
  }

  /** 32 hex digits from the host's secure random source. */
  function freshState() {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /**
   * The implicit flow, for pages and extensions (no secret): send the user to
   * `authorizeUrl`, keep `state` (sessionStorage), and on the page Twitch
   * redirects to, make the flow again with that state and call
   * `handleRedirect(location.href)`.
   */
  class ImplicitFlow {
    #raw;
    #state;

    constructor(options) {
      if (options === null || typeof options !== "object") {
        throw invalid("new ImplicitFlow({ clientId, redirectUri, ... }) takes an options object");
      }
      for (const key of ["clientId", "redirectUri"]) {
        if (typeof options[key] !== "string" || options[key] === "") {
          throw invalid(`options.${key} must be a non-empty string`);
        }
      }
      if (options.forceVerify !== undefined && typeof options.forceVerify !== "boolean") {
        throw invalid("options.forceVerify must be a boolean");
      }
      const state = optionalString(options.state, "options.state") ?? freshState();
      const authUrl = optionalString(options.authUrl, "options.authUrl");
      try {
        this.#raw = new glue.RawImplicitFlow(
          options.clientId,
          options.redirectUri,
          scopeList(options.scopes),
          options.forceVerify ?? false,
          state,
          authUrl,
        );
      } catch (error) {
        throw fail(error);
      }
      this.#state = state;
    }

    /** The state this flow checks (given, or fresh random). */
    get state() {
      return this.#state;
    }

    /** Where to send the user (`response_type=token`). */
    get authorizeUrl() {
      return this.#raw.authorizeUrl();
    }

    /**
     * Reads the URL the browser came back to (or its `#fragment`):
     * `{ accessToken, scopes }`. Throws a TwitchError: `stateMismatch` when
     * the state is not this flow's (checked first), `accessDenied` when the
     * user refused, `oauth` for Twitch's other errors, `protocol` without a token.
     */
    handleRedirect(urlOrFragment) {
      if (typeof urlOrFragment !== "string") {
        throw invalid("handleRedirect takes the URL (or fragment) as a string");
      }
      try {
        return this.#raw.handleRedirect(urlOrFragment);
      } catch (error) {
        throw fail(error);
      }
    }
  }

  let installed = false;
  /** Adds one method per Helix endpoint; call it once the module is loaded. */
  function ready() {
    if (installed) {
      return;
    }
    installed = true;
    for (const entry of glue.eventSubTypes().split(",")) {
      const [type, version, name] = entry.split(":");
      Object.defineProperty(EventSubWs.prototype, camel(name), {
        value: function (condition, callback) {
          return this.listen(type, version, condition, callback);
        },
        writable: true,
        configurable: true,
      });
    }
    for (const name of glue.endpointNames().split(",")) {
      Object.defineProperty(Twitch.prototype, camel(name), {
        value: function (params) {
          return this.call(name, params);
        },
        writable: true,
        configurable: true,
      });
    }
  }

  return { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, ready };
}
