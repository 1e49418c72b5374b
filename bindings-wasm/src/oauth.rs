//! The OAuth helpers for pages, as wasm-bindgen exports: the implicit flow
//! (the authorize URL, and the redirect's fragment read with the state check)
//! and the token answers of the device flow as plain objects.

use js_sys::Object;
use twitchapi_core::auth::flow::ImplicitFlow;
use twitchapi_core::auth::{OAuth, TokenResponse};
use wasm_bindgen::prelude::*;

use crate::js::{scopes, set, strings, to_js};

/// A token answer as JavaScript gets it: `{ accessToken, refreshToken,
/// expiresIn, scopes }`.
pub(crate) fn token_to_js(token: &TokenResponse) -> Object {
    let js = Object::new();
    set(&js, "accessToken", token.access_token.expose());
    let refresh = token.refresh_token.as_ref().map(|t| t.expose().to_owned());
    set(&js, "refreshToken", refresh);
    set(&js, "expiresIn", token.expires_in.map(|s| s as f64));
    let granted = token.scope.iter().map(|s| s.as_str().to_owned());
    set(&js, "scopes", strings(granted));
    js
}

/// One implicit flow: the URL to send the user to, and the redirect read
/// back (with the same parameters and state, also on the page the redirect
/// lands on).
#[wasm_bindgen]
pub struct RawImplicitFlow {
    flow: ImplicitFlow,
}

#[wasm_bindgen]
impl RawImplicitFlow {
    /// Throws an `invalidArgument` error for a state shorter than 16 URL-safe
    /// characters or a malformed `authUrl`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        client_id: String,
        redirect_uri: String,
        scopes_asked: Vec<String>,
        force_verify: bool,
        state: String,
        auth_url: Option<String>,
    ) -> Result<RawImplicitFlow, JsValue> {
        let mut oauth = OAuth::new(client_id, None);
        if let Some(url) = auth_url {
            oauth = oauth.with_base_url(&url).map_err(to_js)?;
        }
        let flow = ImplicitFlow::new(
            &oauth,
            redirect_uri,
            scopes(scopes_asked),
            force_verify,
            state,
        )
        .map_err(to_js)?;
        Ok(RawImplicitFlow { flow })
    }

    /// The URL to open (`response_type=token`).
    #[wasm_bindgen(js_name = authorizeUrl)]
    pub fn authorize_url(&self) -> String {
        self.flow.authorize_url()
    }

    /// Reads the URL the browser came back to (or its fragment): resolves
    /// `{ accessToken, scopes }`; throws `stateMismatch` first, then
    /// `accessDenied` / `oauth`, and `protocol` when there is no token.
    #[wasm_bindgen(js_name = handleRedirect)]
    pub fn handle_redirect(&self, url_or_fragment: String) -> Result<Object, JsValue> {
        let token = self.flow.handle_redirect(&url_or_fragment).map_err(to_js)?;
        let js = Object::new();
        set(&js, "accessToken", token.access_token.expose());
        let granted = token.scopes.iter().map(|s| s.as_str().to_owned());
        set(&js, "scopes", strings(granted));
        Ok(js)
    }
}
