//! An extension's front end: Helix calls with the token Twitch hands it
//! (`Authorization: Extension <token>`), within its own budget.

use super::{Session, TokenKind};
use crate::auth::TokenChoice;
use crate::{Error, Instant, Secret};

impl Session {
    /// Sets what `window.Twitch.ext.onAuthorized` handed the extension: its
    /// `clientId` and `helixToken`. Call it again with each new authorization;
    /// calls started afterwards use the new token. While it is set every call
    /// goes out as `Authorization: Extension <token>` with that `Client-Id`,
    /// within [`super::SessionConfig::extension_budget`] (30 per minute by
    /// default: Twitch's limit per viewer); calls that need an app token or
    /// any scope are refused before sending ([`Error::Authorization`]), and a
    /// 401 is not refreshed (Twitch hands the next token).
    ///
    /// ```
    /// use twitchapi_core::auth::OAuth;
    /// use twitchapi_core::helix::{streams::GetStreams, Helix, Session, SessionConfig};
    /// use twitchapi_core::{Instant, Secret};
    ///
    /// let now = Instant::now();
    /// let mut session = Session::new(Helix::new("app"), OAuth::new("app", None), SessionConfig::default());
    /// session.set_extension_authorization("ext-client", Secret::new("jwt"), now);
    /// session.start(&GetStreams::default(), now).unwrap();
    /// let request = session.poll_transmit().unwrap().request;
    /// assert_eq!(request.headers()["authorization"], "Extension jwt");
    /// assert_eq!(request.headers()["client-id"], "ext-client");
    /// ```
    pub fn set_extension_authorization(
        &mut self,
        client_id: impl Into<String>,
        helix_token: Secret,
        now: Instant,
    ) {
        self.extension_client = Some(client_id.into());
        self.tokens.set_extension_token(helix_token);
        self.after_token_change(TokenKind::Extension, now);
    }

    /// Signs a request with the chosen token.
    pub(super) fn sign(
        &self,
        request: &mut http::Request<Vec<u8>>,
        choice: &TokenChoice,
    ) -> Result<(), Error> {
        match (choice.kind, &self.extension_client) {
            (TokenKind::Extension, Some(client)) => {
                super::super::authorize_extension(request, client, &choice.token)
            }
            _ => super::super::authorize(request, &choice.token),
        }
    }
}
