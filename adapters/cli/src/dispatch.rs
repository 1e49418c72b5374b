//! Runs one method by its seed name: JSON arguments in, JSON result out.

use serde_json::{json, Map, Value};
use twitchapi::{Error, Twitch};
use twitchapi_core::helix::Endpoint;

/// Parses ARGS_JSON into an endpoint struct: unknown keys and wrong types are
/// invalid arguments.
fn parse_args<E: serde::de::DeserializeOwned>(method: &str, args: Value) -> Result<E, Error> {
    let args = match args {
        Value::Null => Value::Object(Map::new()),
        Value::Object(map) => Value::Object(map),
        other => {
            return Err(Error::InvalidArgument(format!(
                "ARGS_JSON must be a JSON object, got {other}"
            )))
        }
    };
    serde_json::from_value(args).map_err(|e| Error::InvalidArgument(format!("{method}: {e}")))
}

/// Sends the call. Which token it carries, and whether an app token is fetched
/// first, is the core session's choice (`fetch_app_token` is set in setup).
async fn send<E: Endpoint>(twitch: &Twitch, endpoint: E) -> Result<Value, Error> {
    let response = twitch.request(&endpoint).await?;
    serde_json::to_value(&response.data).map_err(|e| Error::Protocol(e.to_string()))
}

fn dry_run<E: Endpoint>(twitch: &Twitch, endpoint: E) -> Result<Value, Error> {
    let request = twitch.dry_run(&endpoint)?;
    let mut headers = Map::new();
    for (name, value) in request.headers() {
        let shown = if name == http_auth() {
            "Bearer [redacted]".to_owned()
        } else {
            value.to_str().unwrap_or("[binary]").to_owned()
        };
        headers.insert(name.as_str().to_owned(), Value::String(shown));
    }
    let body = if request.body().is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(request.body()).unwrap_or(Value::Null)
    };
    Ok(json!({
        "method": request.method().as_str(),
        "url": request.uri().to_string(),
        "headers": headers,
        "body": body,
    }))
}

fn http_auth() -> &'static str {
    "authorization"
}

/// Calls `method` with `args`; with `dry_run` returns the request instead.
pub async fn call(twitch: &Twitch, method: &str, args: Value, dry: bool) -> Result<Value, Error> {
    macro_rules! arms {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {
            match method {
                $(
                    stringify!($name) => {
                        let endpoint: twitchapi_core::helix::$cat::$ty = parse_args(method, args)?;
                        if dry {
                            dry_run(twitch, endpoint)
                        } else {
                            send(twitch, endpoint).await
                        }
                    }
                )*
                other => Err(Error::InvalidArgument(format!(
                    "unknown method {other:?}; `twitchapi call --help` lists them"
                ))),
            }
        };
    }
    twitchapi_core::for_each_endpoint!(arms)
}
