// What EventSubWs and PubSub share: a loop that moves frames between a core
// machine (a wasm `RawEventSubWs` or `RawPubSub`) and the host's WebSocket,
// arms its one timer, and hands its events out. It decides nothing: sessions,
// keepalives, reconnects and what to send are the machine's.

/**
 * `h`: the package's helpers (`invalid`, `fail`, `camelKeys`, `TwitchError`).
 * Returns `{ socketClass, Driver }`.
 */
export function makeSockets(h) {
  /** The host's WebSocket class, or the one given. */
  function socketClass(options) {
    const Socket = options?.WebSocket ?? globalThis.WebSocket;
    if (typeof Socket !== "function") {
      throw h.invalid(
        "this host has no WebSocket: pass options.WebSocket (Node 20: run node with --experimental-websocket)",
      );
    }
    return Socket;
  }

  /**
   * The loop around one machine. `kinds` names its events: `message` (to the
   * subscription's callback, with `args(event)`), `confirmed` and `failed`
   * (which settle the promise `track` returned).
   */
  class Driver {
    #raw;
    #Socket;
    #kinds;
    #sockets = new Map();
    #callbacks = new Map();
    #pending = new Map();
    #listeners = new Set();
    #inflight = new Set();
    #timer;

    constructor(raw, Socket, kinds) {
      this.#raw = raw;
      this.#Socket = Socket;
      this.#kinds = kinds;
    }

    /** The machine; throws once the client is stopped. */
    get raw() {
      if (this.#raw === undefined) {
        throw h.invalid("this client is stopped");
      }
      return this.#raw;
    }

    /** Calls `callback` with the messages of `id`; settles when it is confirmed or refused. */
    track(id, callback) {
      this.#callbacks.set(id, callback);
      const settled = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
      this.pump();
      return settled;
    }

    forget(id) {
      this.#callbacks.delete(id);
      this.pump();
    }

    onEvent(callback) {
      if (typeof callback !== "function") {
        throw h.invalid("onEvent takes a function");
      }
      this.#listeners.add(callback);
    }

    /** Waits for the machine's requests in flight, closes the sockets, frees the machine. */
    async close() {
      this.pump();
      while (this.#inflight.size > 0) {
        await Promise.allSettled([...this.#inflight]);
        this.pump();
      }
      clearTimeout(this.#timer);
      for (const socket of this.#sockets.values()) {
        socket.close();
      }
      this.#sockets.clear();
      // releases the machine and its hold on the client (whose timers stop with it)
      this.#raw?.free();
      this.#raw = undefined;
    }

    get stopped() {
      return this.#raw === undefined;
    }

    /** Drains the machine: transmits, events, then its timer. */
    pump() {
      const raw = this.#raw;
      if (raw === undefined) {
        return;
      }
      for (let next = raw.pollTransmit(); next !== undefined; next = raw.pollTransmit()) {
        const transmit = JSON.parse(next);
        if (transmit.type === "connect") {
          this.#open(transmit.socket, transmit.url);
        } else if (transmit.type === "send") {
          this.#sockets.get(transmit.socket)?.send(transmit.text);
        } else if (transmit.type === "close") {
          const socket = this.#sockets.get(transmit.socket);
          this.#sockets.delete(transmit.socket);
          socket?.close();
        } else if (transmit.type === "helix") {
          const sent = raw.helix(transmit.id).finally(() => {
            this.#inflight.delete(sent);
            this.pump();
          });
          this.#inflight.add(sent);
        }
      }
      for (let next = raw.pollEvent(); next !== undefined; next = raw.pollEvent()) {
        this.#deliver(JSON.parse(next, h.camelKeys));
      }
      clearTimeout(this.#timer);
      const wait = raw.pollTimeout();
      if (wait !== undefined) {
        this.#timer = setTimeout(() => {
          this.#raw?.handleTimeout();
          this.pump();
        }, wait);
      }
    }

    #open(id, url) {
      let socket;
      try {
        socket = new this.#Socket(url);
      } catch {
        this.#raw.handleClosed(id, undefined);
        queueMicrotask(() => this.pump());
        return;
      }
      this.#sockets.set(id, socket);
      socket.onopen = () => {
        this.#raw?.handleConnected(id);
        this.pump();
      };
      socket.onmessage = (message) => {
        this.#raw?.handleText(id, String(message.data));
        this.pump();
      };
      socket.onclose = (closed) => {
        // a socket the machine closed itself is no news to it
        if (this.#sockets.get(id) === socket) {
          this.#sockets.delete(id);
          this.#raw?.handleClosed(id, closed?.code);
          this.pump();
        }
      };
    }

    #deliver(event) {
      const kinds = this.#kinds;
      if (event.type === kinds.message) {
        const callback = this.#callbacks.get(event.uuid);
        if (callback) {
          try {
            callback(...kinds.args(event));
          } catch (error) {
            queueMicrotask(() => {
              throw error;
            });
          }
        }
      } else if (event.type === kinds.confirmed) {
        this.#pending.get(event.uuid)?.resolve(event.uuid);
        this.#pending.delete(event.uuid);
      } else if (event.type === kinds.failed) {
        this.#callbacks.delete(event.uuid);
        this.#pending.get(event.uuid)?.reject(new h.TwitchError(event.message, { kind: event.errorKind }));
        this.#pending.delete(event.uuid);
      }
      for (const listener of this.#listeners) {
        listener(event);
      }
    }
  }

  return { socketClass, Driver };
}
