//! The implicit flow: for pages and extensions, which hold no secret; the
//! token comes back in the redirect's fragment.

use super::redirect::{check, get, pairs};
use crate::auth::OAuth;
use crate::{AuthScope, Error, Secret};

/// A token from the implicit flow (no refresh token, as Twitch issues none).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImplicitToken {
    /// The user access token.
    pub access_token: Secret,
    /// The scopes granted.
    pub scopes: Vec<AuthScope>,
}

/// One run of the implicit flow.
///
/// ```
/// use twitchapi_core::auth::{flow::ImplicitFlow, OAuth};
///
/// let oauth = OAuth::new("cid", None);
/// let flow = ImplicitFlow::new(&oauth, "https://ext.example.com/auth", vec![], false, "state-0123456789abcdef").unwrap();
/// assert!(flow.authorize_url().contains("response_type=token"));
/// let token = flow
///     .handle_redirect("https://ext.example.com/auth#access_token=tok&scope=&state=state-0123456789abcdef&token_type=bearer")
///     .unwrap();
/// assert_eq!(token.access_token.expose(), "tok");
/// ```
#[derive(Debug, Clone)]
pub struct ImplicitFlow {
    oauth: OAuth,
    redirect_uri: String,
    scopes: Vec<AuthScope>,
    force_verify: bool,
    state: String,
}

impl ImplicitFlow {
    /// A flow redirecting to `redirect_uri`; `state` must be fresh random.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a bad state.
    pub fn new(
        oauth: &OAuth,
        redirect_uri: impl Into<String>,
        scopes: Vec<AuthScope>,
        force_verify: bool,
        state: impl Into<String>,
    ) -> Result<ImplicitFlow, Error> {
        let state = state.into();
        super::check_state(&state)?;
        Ok(ImplicitFlow {
            oauth: oauth.clone(),
            redirect_uri: redirect_uri.into(),
            scopes,
            force_verify,
            state,
        })
    }

    /// The URL to open: as the code flow's, with `response_type=token`.
    pub fn authorize_url(&self) -> String {
        self.oauth
            .authorize_url(
                &self.redirect_uri,
                &self.scopes,
                &self.state,
                self.force_verify,
            )
            .replacen("response_type=code", "response_type=token", 1)
    }

    /// Reads the URL (or just the fragment, with or without `#`) the browser
    /// was sent back to.
    ///
    /// # Errors
    ///
    /// As [`super::CodeFlow::handle_redirect`]: [`Error::StateMismatch`]
    /// first, then [`Error::AccessDenied`] / [`Error::OAuth`], and
    /// [`Error::Protocol`] when there is no token.
    pub fn handle_redirect(&self, url_or_fragment: &str) -> Result<ImplicitToken, Error> {
        let fragment = match url_or_fragment.split_once('#') {
            Some((_, fragment)) => fragment,
            None => url_or_fragment,
        };
        let pairs = pairs(fragment);
        check(&pairs, &self.state)?;
        let token = get(&pairs, "access_token")
            .filter(|t| !t.is_empty())
            .ok_or_else(|| Error::Protocol("the redirect carries no access_token".into()))?;
        let scopes = get(&pairs, "scope")
            .unwrap_or_default()
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(AuthScope::from_wire)
            .collect();
        Ok(ImplicitToken {
            access_token: Secret::new(token),
            scopes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: &str = "state-0123456789abcdef";

    #[test]
    fn fragments_are_read_with_the_state_check() {
        let flow = ImplicitFlow::new(
            &OAuth::new("cid", None),
            "http://localhost:1",
            vec![AuthScope::ChatRead],
            true,
            STATE,
        )
        .unwrap();
        assert_eq!(
            flow.authorize_url(),
            format!("https://id.twitch.tv/oauth2/authorize?client_id=cid&redirect_uri=http%3A%2F%2Flocalhost%3A1&response_type=token&scope=chat%3Aread&force_verify=true&state={STATE}")
        );
        let token = flow
            .handle_redirect(&format!(
                "#access_token=t&scope=chat%3Aread+user%3Aedit&state={STATE}&token_type=bearer"
            ))
            .unwrap();
        assert_eq!(token.scopes, vec![AuthScope::ChatRead, AuthScope::UserEdit]);
        assert_eq!(
            flow.handle_redirect("access_token=t&state=nope-0123456789abcd"),
            Err(Error::StateMismatch)
        );
        assert_eq!(
            flow.handle_redirect(&format!(
                "http://localhost:1/#error=access_denied&error_description=no&state={STATE}"
            )),
            Err(Error::AccessDenied("no".into()))
        );
        assert!(matches!(
            flow.handle_redirect(&format!("#state={STATE}")),
            Err(Error::Protocol(_))
        ));
    }
}
