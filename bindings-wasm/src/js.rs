//! The wasm-bindgen exports: `RawTwitch`, the session over fetch with string
//! arguments and string answers, which the package's JavaScript wrapper
//! (`js/api.mjs`) dresses as `Twitch` (camelCase, `JSON.parse`, `TwitchError`).
//! Keeping this surface small keeps the glue small.

use js_sys::{Array, Function, Object, Promise, Reflect};
use twitchapi_core::auth::TokenUpdate;
use twitchapi_core::{AuthScope, Error};
use twitchapi_web::Twitch;
use wasm_bindgen::prelude::*;

use crate::answer::into_text;
use crate::dispatch::{find, names};
use crate::error::describe;

/// Sets `object[key] = value`; setting a property of a fresh plain object
/// cannot fail.
pub(crate) fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

pub(crate) fn strings(list: impl IntoIterator<Item = String>) -> Array {
    list.into_iter().map(JsValue::from).collect()
}

/// An `Error` whose `kind` and details the wrapper reads (see [`describe`]).
pub(crate) fn to_js(error: Error) -> JsValue {
    let described = describe(&error);
    let js: Object = js_sys::Error::new(&described.message).into();
    set(&js, "kind", described.kind);
    if let Some(status) = described.status {
        set(&js, "status", status);
    }
    if !described.required.is_empty() {
        set(&js, "required", strings(described.required));
    }
    if let Some(reset) = described.reset {
        set(&js, "reset", reset as f64);
    }
    js.into()
}

pub(crate) fn scopes(list: Vec<String>) -> Vec<AuthScope> {
    list.iter().map(|s| AuthScope::from_wire(s)).collect()
}

fn update_to_js(update: &TokenUpdate) -> Object {
    let js = Object::new();
    set(&js, "kind", crate::machines::helix::kind_name(update.kind));
    set(&js, "accessToken", update.access_token.expose());
    let refresh = update.refresh_token.as_ref().map(|t| t.expose().to_owned());
    set(&js, "refreshToken", refresh);
    let expires = update.expires_in.map(|d| d.as_secs() as f64);
    set(&js, "expiresIn", expires);
    let granted = update.scopes.iter().map(|s| s.as_str().to_owned());
    set(&js, "scopes", strings(granted));
    js
}

/// The Helix client of the package, with the tokens, rate limits and calls
/// in flight of one Twitch app. Use it through the wrapper's `Twitch`.
#[wasm_bindgen]
pub struct RawTwitch {
    twitch: Twitch,
}

impl RawTwitch {
    /// The client behind it (for the EventSub and PubSub clients made over it).
    #[cfg(any(feature = "eventsub", feature = "pubsub"))]
    pub(crate) fn web(&self) -> &Twitch {
        &self.twitch
    }
}

#[wasm_bindgen]
impl RawTwitch {
    /// A client; `helixUrl` and `authUrl` point it elsewhere (the mock);
    /// `extensionPerMinute` is the budget of an extension's Helix token.
    /// Throws an `invalidArgument` error on a malformed URL.
    #[wasm_bindgen(constructor)]
    pub fn new(
        client_id: String,
        client_secret: Option<String>,
        helix_url: Option<String>,
        auth_url: Option<String>,
        auto_refresh: bool,
        extension_per_minute: Option<u32>,
    ) -> Result<RawTwitch, JsValue> {
        let mut builder = Twitch::builder(client_id, client_secret.unwrap_or_default())
            .auto_refresh_auth(auto_refresh);
        if let Some(requests) = extension_per_minute {
            builder = builder.extension_budget(requests, twitchapi_core::Duration::from_secs(60));
        }
        if let Some(url) = helix_url {
            builder = builder.helix_url(url);
        }
        if let Some(url) = auth_url {
            builder = builder.auth_url(url);
        }
        let twitch = builder.build().map_err(to_js)?;
        Ok(RawTwitch { twitch })
    }

    /// Gets an app token by client credentials; resolves with nothing.
    #[wasm_bindgen(js_name = authenticateApp)]
    pub fn authenticate_app(&self, scopes_granted: Vec<String>) -> Promise {
        let twitch = self.twitch.clone();
        promise(async move {
            twitch
                .authenticate_app(scopes(scopes_granted))
                .await
                .map_err(to_js)?;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Uses an app token obtained elsewhere.
    #[wasm_bindgen(js_name = setAppToken)]
    pub fn set_app_token(&self, token: String, scopes_granted: Vec<String>) {
        self.twitch.set_app_token(token, scopes(scopes_granted));
    }

    /// Sets the user token; throws when auto refresh is on and no refresh
    /// token is given.
    #[wasm_bindgen(js_name = setUserAuthentication)]
    pub fn set_user_authentication(
        &self,
        token: String,
        scopes_granted: Vec<String>,
        refresh_token: Option<String>,
    ) -> Result<(), JsValue> {
        self.twitch
            .set_user_authentication(token, scopes(scopes_granted), refresh_token)
            .map_err(to_js)
    }

    /// What `window.Twitch.ext.onAuthorized` handed an extension: calls go
    /// out as `Authorization: Extension <helixToken>` from now on.
    #[wasm_bindgen(js_name = setExtensionAuthorization)]
    pub fn set_extension_authorization(&self, client_id: String, helix_token: String) {
        self.twitch
            .set_extension_authorization(client_id, helix_token);
    }

    /// The app token, if any.
    #[wasm_bindgen(js_name = getAppToken)]
    pub fn get_app_token(&self) -> Option<String> {
        self.twitch.get_app_token().map(|t| t.expose().to_owned())
    }

    /// The user token, if any.
    #[wasm_bindgen(js_name = getUserAuthToken)]
    pub fn get_user_auth_token(&self) -> Option<String> {
        self.twitch
            .get_user_auth_token()
            .map(|t| t.expose().to_owned())
    }

    /// The user token's scopes.
    #[wasm_bindgen(js_name = getUserAuthScope)]
    pub fn get_user_auth_scope(&self) -> Vec<String> {
        let granted = self.twitch.get_user_auth_scope();
        granted.iter().map(|s| s.as_str().to_owned()).collect()
    }

    /// Calls `callback({kind, accessToken, refreshToken, expiresIn, scopes})`
    /// with every token obtained or refreshed. What the callback throws is
    /// ignored.
    #[wasm_bindgen(js_name = onTokenRefresh)]
    pub fn on_token_refresh(&self, callback: Function) {
        self.twitch.on_token_refresh(move |update| {
            let _ = callback.call1(&JsValue::NULL, &update_to_js(update));
        });
    }

    /// Runs the device code flow for this app: `onCode({ userCode,
    /// verificationUri, expiresIn })` once Twitch gave a code; resolves with
    /// `{ accessToken, refreshToken, expiresIn, scopes }` once the user
    /// approved (the tokens are not set on the client).
    #[wasm_bindgen(js_name = deviceFlow)]
    pub fn device_flow(&self, scopes_asked: Vec<String>, on_code: Function) -> Promise {
        let twitch = self.twitch.clone();
        promise(async move {
            let token = twitch
                .device_flow(scopes(scopes_asked), |code| {
                    let js = Object::new();
                    set(&js, "userCode", code.user_code.as_str());
                    set(&js, "verificationUri", code.verification_uri.as_str());
                    set(&js, "expiresIn", code.expires_in as f64);
                    let _ = on_code.call1(&JsValue::NULL, &js);
                })
                .await
                .map_err(to_js)?;
            Ok(crate::oauth::token_to_js(&token).into())
        })
    }

    /// How many calls are started and not yet ended.
    #[wasm_bindgen(js_name = callsInProgress)]
    pub fn calls_in_progress(&self) -> usize {
        self.twitch.calls_in_progress()
    }

    /// Calls the Helix method of that seed name with `params`, a JSON object
    /// text with the seed's parameter names. Resolves with the answer's body
    /// text (empty for 204); rejects with a described error, before sending
    /// anything when the arguments break a rule.
    pub fn call(&self, name: String, params: String) -> Promise {
        let twitch = self.twitch.clone();
        promise(async move {
            let entry = find(&name).map_err(to_js)?;
            let answer = twitch
                .send_unsigned(|helix| entry.build(helix, &params))
                .await
                .map_err(to_js)?;
            let text = into_text(entry, answer).map_err(to_js)?;
            Ok(JsValue::from(text))
        })
    }
}

/// Every Helix method's seed name, comma-separated.
#[wasm_bindgen(js_name = endpointNames)]
pub fn endpoint_names() -> String {
    names()
}

/// `paginate()`'s walk ([`crate::walk::Walk`]): the parameters of each next
/// call, from the cursor of the page before.
#[wasm_bindgen]
pub struct RawPages {
    walk: crate::walk::Walk,
}

#[wasm_bindgen]
impl RawPages {
    /// A walk whose first call takes `params` (JSON text of an object).
    #[wasm_bindgen(constructor)]
    pub fn new(params: String) -> Result<RawPages, JsValue> {
        let walk = crate::walk::Walk::new(&params).map_err(to_js)?;
        Ok(RawPages { walk })
    }

    /// The next call's parameters as JSON text; `undefined` when the walk is over.
    #[wasm_bindgen(js_name = nextParams)]
    pub fn next_params(&self) -> Option<String> {
        self.walk.next_params()
    }

    /// The last page came with `cursor` and `items` items; throws a
    /// `protocol` error when the cursor came back a second time.
    #[wasm_bindgen(js_name = handlePage)]
    pub fn handle_page(&mut self, cursor: Option<String>, items: usize) -> Result<(), JsValue> {
        self.walk.handle_page(cursor, items).map_err(to_js)
    }

    /// Ends the walk.
    pub fn finish(&mut self) {
        self.walk.finish();
    }
}

/// A Promise of what `task` resolves to. Every async method goes through
/// this one boxed type, so the .wasm holds one copy of the promise machinery
/// rather than one per method.
pub(crate) fn promise<F>(task: F) -> Promise
where
    F: std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
{
    boxed_promise(Box::pin(task))
}

type Task = std::pin::Pin<Box<dyn std::future::Future<Output = Result<JsValue, JsValue>>>>;

#[inline(never)]
fn boxed_promise(task: Task) -> Promise {
    wasm_bindgen_futures::future_to_promise(task)
}
