// EventSubWs: the core's EventSub WebSocket machine over the host's WebSocket.
import { makeSockets } from "./sockets.mjs";

/** `h`: the package's helpers and the Twitch client's `rawOf`. */
export function makeEventSubWs(h) {
  const { socketClass, Driver } = makeSockets(h);

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
    #driver;

    /**
     * `options.url`: the EventSub WebSocket server (default Twitch's);
     * `options.WebSocket`: the WebSocket class (default the host's; Node 20
     * has one with `--experimental-websocket`, Node 22 by default).
     */
    constructor(twitch, options = {}) {
      const raw = h.rawOf.get(twitch);
      if (raw === undefined) {
        throw h.invalid("new EventSubWs(twitch) takes a Twitch client");
      }
      const url = h.optionalString(options?.url, "options.url");
      const Socket = socketClass(options);
      this.#driver = new Driver(new (h.feature("RawEventSubWs", "EventSub"))(raw, url), Socket, {
        message: "notification",
        confirmed: "subscribed",
        failed: "subscribeFailed",
        args: ({ event, subscriptionId, messageId, kind, version }) => [
          event,
          { subscriptionId, messageId, type: kind, version },
        ],
      });
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
        return Promise.reject(h.invalid("listen(type, version, condition, callback): type and version are strings"));
      }
      if (condition === null || typeof condition !== "object" || Array.isArray(condition)) {
        return Promise.reject(h.invalid(`${type}: the condition must be an object`));
      }
      if (typeof callback !== "function") {
        return Promise.reject(h.invalid(`${type}: the callback must be a function`));
      }
      let id;
      try {
        id = this.#driver.raw.listen(type, version, JSON.stringify(h.snakeKeys(condition)));
      } catch (error) {
        return Promise.reject(h.fail(error));
      }
      return this.#driver.track(id, callback);
    }

    /** Ends a subscription (deleted at Twitch). */
    unlisten(id) {
      try {
        this.#driver.raw.unlisten(String(id));
      } catch (error) {
        throw h.fail(error);
      }
      this.#driver.forget(id);
    }

    /**
     * `callback(event)` gets everything that happens, as `{ type, ... }`:
     * `welcome`, `subscribed`, `subscribeFailed`, `notification`,
     * `reconnecting`, `reconnected`, `revoked`, `error`.
     */
    onEvent(callback) {
      this.#driver.onEvent(callback);
    }

    /**
     * Deletes every subscription at Twitch and closes the sockets; a stopped
     * EventSubWs cannot be used again.
     */
    async stop() {
      if (this.#driver.stopped) {
        return;
      }
      this.#driver.raw.stop();
      await this.#driver.close();
    }
  }

  /** Adds `listen<Type>` for every type of the module's table. */
  function addListenMethods() {
    if (h.glue.eventSubTypes === undefined) {
      return;
    }
    for (const entry of h.glue.eventSubTypes().split(",")) {
      const [type, version, name] = entry.split(":");
      Object.defineProperty(EventSubWs.prototype, h.camel(name), {
        value: function (condition, callback) {
          return this.listen(type, version, condition, callback);
        },
        writable: true,
        configurable: true,
      });
    }
  }

  return { EventSubWs, addListenMethods };
}
