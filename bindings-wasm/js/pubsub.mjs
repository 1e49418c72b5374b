// PubSub: the core's PubSub machine over the host's WebSocket.
import { makeSockets } from "./sockets.mjs";

/** `h`: the package's helpers and the Twitch client's `rawOf`. */
export function makePubSub(h) {
  const { socketClass, Driver } = makeSockets(h);

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
    #driver;

    /** `options.url`: the server (default Twitch's); `options.WebSocket`. */
    constructor(twitch, options = {}) {
      const raw = h.rawOf.get(twitch);
      if (raw === undefined) {
        throw h.invalid("new PubSub(twitch) takes a Twitch client");
      }
      const url = h.optionalString(options?.url, "options.url");
      const Socket = socketClass(options);
      const machine = new (h.feature("RawPubSub", "PubSub"))(raw, url);
      this.#driver = new Driver(machine, Socket, {
        message: "message",
        confirmed: "listening",
        failed: "listenFailed",
        args: ({ uuid, data }) => [uuid, data],
      });
      machine.onWake(() => this.#driver.pump());
    }

    /** Opens the connection. */
    start() {
      try {
        this.#driver.raw.start();
      } catch (error) {
        throw h.fail(error);
      }
      this.#driver.pump();
    }

    /**
     * Listens by the seed's method name and ids; resolves with the
     * subscription's UUID once Twitch confirmed it (rejects with the
     * TwitchError Twitch's refusal maps to). `callback(uuid, data)` gets
     * each message's decoded `data.message`, keys camelCase.
     */
    listenTo(method, ids, callback) {
      if (typeof callback !== "function") {
        return Promise.reject(h.invalid(`${method}: the callback must be a function`));
      }
      if (!ids.every((id) => typeof id === "string")) {
        return Promise.reject(h.invalid(`${method}: the ids must be strings`));
      }
      let uuid;
      try {
        uuid = this.#driver.raw.listen(method, ids[0], ids[1]);
      } catch (error) {
        return Promise.reject(h.fail(error));
      }
      return this.#driver.track(uuid, callback);
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
        this.#driver.raw.unlisten(String(uuid));
      } catch (error) {
        throw h.fail(error);
      }
      this.#driver.forget(uuid);
    }

    /**
     * `callback(event)` gets everything: `listening`, `listenFailed`,
     * `message`, `reconnecting`, `reconnected`, `tokenRejected`, `error`.
     */
    onEvent(callback) {
      this.#driver.onEvent(callback);
    }

    /** Closes the connections; a stopped PubSub cannot be started again. */
    stop() {
      if (this.#driver.stopped) {
        return;
      }
      try {
        this.#driver.raw.stop();
      } catch {
        // never started: nothing to close
      }
      this.#driver.close();
    }
  }

  return { PubSub };
}
