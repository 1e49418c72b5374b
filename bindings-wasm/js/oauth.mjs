// ImplicitFlow: the implicit OAuth flow for pages and extensions, over the
// core's `ImplicitFlow` (the URL, and the redirect read with the state check).

/** `h`: the package's helpers. */
export function makeImplicitFlow(h) {
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
        throw h.invalid("new ImplicitFlow({ clientId, redirectUri, ... }) takes an options object");
      }
      for (const key of ["clientId", "redirectUri"]) {
        if (typeof options[key] !== "string" || options[key] === "") {
          throw h.invalid(`options.${key} must be a non-empty string`);
        }
      }
      if (options.forceVerify !== undefined && typeof options.forceVerify !== "boolean") {
        throw h.invalid("options.forceVerify must be a boolean");
      }
      const state = h.optionalString(options.state, "options.state") ?? freshState();
      const authUrl = h.optionalString(options.authUrl, "options.authUrl");
      try {
        this.#raw = new h.glue.RawImplicitFlow(
          options.clientId,
          options.redirectUri,
          h.scopeList(options.scopes),
          options.forceVerify ?? false,
          state,
          authUrl,
        );
      } catch (error) {
        throw h.fail(error);
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
        throw h.invalid("handleRedirect takes the URL (or fragment) as a string");
      }
      try {
        return this.#raw.handleRedirect(urlOrFragment);
      } catch (error) {
        throw h.fail(error);
      }
    }
  }

  return { ImplicitFlow };
}
