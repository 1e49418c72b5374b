// The package's JavaScript API over the wasm module's `RawTwitch`: the
// camelCase `Twitch` class, one method per Helix endpoint, and `TwitchError`.
// Shared by the browser and the Node entries; scripts/build-npm also turns it
// into api.cjs for `require` (and so with eventsub.mjs, pubsub.mjs,
// sockets.mjs, oauth.mjs and machines.mjs, which it imports).

import { makeEventSubWs } from "./eventsub.mjs";
import { makeMachines } from "./machines.mjs";
import { makeImplicitFlow } from "./oauth.mjs";
import { makePubSub } from "./pubsub.mjs";

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

  /** The glue's class `name`, or a TwitchError when this build left it out. */
  function feature(name, what) {
    const found = glue[name];
    if (found === undefined) {
      throw new TwitchError(`this build of the package has no ${what} (built without that feature)`, { kind: "other" });
    }
    return found;
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

  const h = { glue, rawOf, TwitchError, fail, invalid, optionalString, scopeList, camel, snake, camelKeys, snakeKeys, argsJson, feature };
  const { EventSubWs, addListenMethods } = makeEventSubWs(h);
  const { PubSub } = makePubSub(h);
  const { ImplicitFlow } = makeImplicitFlow(h);
  const { HelixMachine, EventSubWsMachine, PubSubMachine } = makeMachines(h);

  let installed = false;
  /** Adds one method per Helix endpoint; call it once the module is loaded. */
  function ready() {
    if (installed) {
      return;
    }
    installed = true;
    addListenMethods();
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

  return { Twitch, TwitchError, ImplicitFlow, EventSubWs, PubSub, HelixMachine, EventSubWsMachine, PubSubMachine, ready };
}
