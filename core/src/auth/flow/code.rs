//! The authorization code flow: the authorize URL, the redirect, the exchange.

use super::redirect::{check, get, pairs};
use crate::auth::{OAuth, TokenResponse};
use crate::{AuthScope, Error};

/// One run of the authorization code flow (the seed's `UserAuthenticator`
/// without its server): the URL to open, the check of the redirect that comes
/// back, and the code exchange.
///
/// ```
/// use twitchapi_core::auth::{flow::CodeFlow, OAuth};
/// use twitchapi_core::{AuthScope, Error, Secret};
///
/// let oauth = OAuth::new("cid", Some(Secret::new("secret")));
/// let mut flow = CodeFlow::new(&oauth, "http://localhost:17563", vec![AuthScope::UserReadEmail],
///     false, "a-random-state-of-32-characters-").unwrap();
/// assert!(flow.authorize_url().starts_with("https://id.twitch.tv/oauth2/authorize?client_id=cid&"));
/// // a redirect that carries another state is refused, and nothing is exchanged
/// assert_eq!(flow.handle_redirect("/?code=abc&state=forged-state-0123456"), Err(Error::StateMismatch));
/// let code = flow.handle_redirect("/?code=abc&scope=user%3Aread%3Aemail&state=a-random-state-of-32-characters-").unwrap();
/// let exchange = flow.exchange_request(&code).unwrap();
/// assert_eq!(exchange.uri(), "https://id.twitch.tv/oauth2/token");
/// ```
#[derive(Debug, Clone)]
pub struct CodeFlow {
    oauth: OAuth,
    redirect_uri: String,
    redirect_path: String,
    scopes: Vec<AuthScope>,
    force_verify: bool,
    state: String,
    used: bool,
}

impl CodeFlow {
    /// A flow redirecting to `redirect_uri` (registered with the app), asking
    /// for `scopes`; `state` must be fresh random ([`super::check_state`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a bad `state` or a `redirect_uri` that
    /// is not an absolute http(s) URL.
    pub fn new(
        oauth: &OAuth,
        redirect_uri: impl Into<String>,
        scopes: Vec<AuthScope>,
        force_verify: bool,
        state: impl Into<String>,
    ) -> Result<CodeFlow, Error> {
        let redirect_uri = redirect_uri.into();
        let state = state.into();
        super::check_state(&state)?;
        let url = crate::http_url::parse("redirect_uri", &redirect_uri)?;
        Ok(CodeFlow {
            oauth: oauth.clone(),
            redirect_path: url.path().to_owned(),
            redirect_uri,
            scopes,
            force_verify,
            state,
            used: false,
        })
    }

    /// The URL the user opens: `response_type=code`, the scopes space-separated,
    /// `force_verify` and the state.
    pub fn authorize_url(&self) -> String {
        self.oauth.authorize_url(
            &self.redirect_uri,
            &self.scopes,
            &self.state,
            self.force_verify,
        )
    }

    /// The redirect URI sent (and to be sent again in the exchange).
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// The state sent.
    pub fn state(&self) -> &str {
        &self.state
    }

    /// Reads a request that reached the redirect server (`target` is its path
    /// and query) and returns the authorization code.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for another path (a browser's `/favicon.ico`);
    /// [`Error::StateMismatch`] when the state is missing or not ours (checked
    /// before anything else); [`Error::AccessDenied`] when the user refused;
    /// [`Error::OAuth`] for Twitch's other errors; [`Error::Protocol`] when
    /// there is no code; [`Error::InvalidArgument`] when a code was taken already.
    pub fn handle_redirect(&mut self, target: &str) -> Result<String, Error> {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let wanted = self.redirect_path.trim_end_matches('/');
        if path.trim_end_matches('/') != wanted {
            return Err(Error::NotFound(format!("{path} is not the redirect path")));
        }
        let pairs = pairs(query);
        check(&pairs, &self.state)?;
        if self.used {
            return Err(Error::invalid("this flow has taken its code already"));
        }
        let code = get(&pairs, "code")
            .filter(|c| !c.is_empty())
            .ok_or_else(|| Error::Protocol("the redirect carries no code".into()))?
            .to_owned();
        self.used = true;
        Ok(code)
    }

    /// The exchange of `code` for tokens (`POST /oauth2/token`, needs the secret).
    ///
    /// # Errors
    ///
    /// [`Error::Authorization`] without a client secret.
    pub fn exchange_request(&self, code: &str) -> Result<http::Request<Vec<u8>>, Error> {
        self.oauth.code_request(code, &self.redirect_uri)
    }

    /// Parses the exchange's answer.
    ///
    /// # Errors
    ///
    /// [`Error::Authorization`] with Twitch's message (an invalid code), or
    /// [`Error::Protocol`] for a garbled answer.
    pub fn parse_exchange<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<TokenResponse, Error> {
        OAuth::parse_token_response(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Secret;

    const STATE: &str = "state-0123456789abcdef";

    fn flow() -> CodeFlow {
        let oauth = OAuth::new("cid", Some(Secret::new("sec")))
            .with_base_url("http://127.0.0.1:9")
            .unwrap();
        CodeFlow::new(
            &oauth,
            "http://localhost:17563",
            vec![AuthScope::UserReadEmail, AuthScope::BitsRead],
            true,
            STATE,
        )
        .unwrap()
    }

    #[test]
    fn the_authorize_url_carries_every_parameter() {
        assert_eq!(
            flow().authorize_url(),
            format!("http://127.0.0.1:9/oauth2/authorize?client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A17563&response_type=code&scope=user%3Aread%3Aemail+bits%3Aread&force_verify=true&state={STATE}")
        );
    }

    #[test]
    fn states_and_redirect_uris_are_checked() {
        let oauth = OAuth::new("cid", None);
        for bad in [
            "",
            "0123456789abcde",
            "0123456789abcdef&x=1",
            "ünïcode-0123456789",
        ] {
            assert!(
                CodeFlow::new(&oauth, "http://localhost:1", vec![], false, bad).is_err(),
                "{bad}"
            );
        }
        assert!(CodeFlow::new(&oauth, "localhost:1", vec![], false, STATE).is_err());
        assert!(CodeFlow::new(&oauth, "ftp://localhost", vec![], false, STATE).is_err());
    }

    #[test]
    fn the_redirect_is_checked_state_first() {
        let mut f = flow();
        assert!(matches!(
            f.handle_redirect("/favicon.ico"),
            Err(Error::NotFound(_))
        ));
        assert_eq!(f.handle_redirect("/?code=x"), Err(Error::StateMismatch));
        assert_eq!(
            f.handle_redirect("/?code=x&state=other-0123456789abc"),
            Err(Error::StateMismatch)
        );
        // an error under a foreign state is still a foreign redirect
        assert_eq!(
            f.handle_redirect("/?error=access_denied&state=other-0123456789abc"),
            Err(Error::StateMismatch)
        );
        assert_eq!(
            f.handle_redirect(&format!(
                "/?error=access_denied&error_description=The+user+denied+you+access&state={STATE}"
            )),
            Err(Error::AccessDenied("The user denied you access".into()))
        );
        assert_eq!(
            f.handle_redirect(&format!(
                "/?error=invalid_scope&error_description=bad&state={STATE}"
            )),
            Err(Error::OAuth {
                error: "invalid_scope".into(),
                description: "bad".into()
            })
        );
        assert!(matches!(
            f.handle_redirect(&format!("/?state={STATE}")),
            Err(Error::Protocol(_))
        ));
        assert_eq!(
            f.handle_redirect(&format!("/?code=abc&state={STATE}"))
                .unwrap(),
            "abc"
        );
        assert!(
            matches!(
                f.handle_redirect(&format!("/?code=abc&state={STATE}")),
                Err(Error::InvalidArgument(_))
            ),
            "one code per flow"
        );
    }

    #[test]
    fn the_exchange_sends_the_same_redirect_uri() {
        let f = flow();
        let req = f.exchange_request("the code").unwrap();
        assert_eq!(
            std::str::from_utf8(req.body()).unwrap(),
            "client_id=cid&client_secret=sec&code=the+code&grant_type=authorization_code&redirect_uri=http%3A%2F%2Flocalhost%3A17563"
        );
        let bad = http::Response::builder()
            .status(400)
            .body(br#"{"status":400,"message":"Invalid authorization code"}"#.to_vec())
            .unwrap();
        assert_eq!(
            CodeFlow::parse_exchange(&bad),
            Err(Error::Authorization("Invalid authorization code".into()))
        );
        let ok = http::Response::builder().status(200).body(br#"{"access_token":"a","refresh_token":"r","expires_in":100,"scope":["user:read:email"],"token_type":"bearer"}"#.to_vec()).unwrap();
        let token = CodeFlow::parse_exchange(&ok).unwrap();
        assert_eq!(token.refresh_token.unwrap().expose(), "r");
    }
}
