//! `twitchapi eventsub ws|webhook`: subscribe to EventSub types, print one
//! JSON line per message, delete what was created on SIGINT/SIGTERM; and
//! `twitchapi event trigger`, which asks a running mock to send an event.

use futures::StreamExt;
use serde_json::{json, Value};
use twitchapi::core::eventsub::types::{parse_condition, TYPES};
use twitchapi::eventsub::{EventSubMessage, EventSubWebSocket, EventSubWebhook};
use twitchapi::{Error, Twitch};

/// One subscription asked for on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    /// The type.
    pub kind: String,
    /// The version.
    pub version: String,
    /// The condition.
    pub condition: Value,
}

/// Reads `<type> <version> <CONDITION_JSON>` triples; any mistake is
/// `InvalidArgument` (nothing is started). Conditions of known types must fit
/// their model; unknown types are passed to Twitch as given.
pub fn parse_wanted(words: &[String]) -> Result<Vec<Wanted>, Error> {
    if words.is_empty() || words.len() % 3 != 0 {
        return Err(Error::invalid(
            "expected <type> <version> <CONDITION_JSON> triples, e.g. stream.online 1 '{\"broadcaster_user_id\":\"1\"}'",
        ));
    }
    words
        .chunks(3)
        .map(|t| {
            let (kind, version) = (t[0].trim(), t[1].trim());
            if kind.is_empty() || version.is_empty() {
                return Err(Error::invalid("an EventSub type and version are required"));
            }
            let condition: Value = serde_json::from_str(&t[2]).map_err(|e| {
                Error::invalid(format!(
                    "{kind} {version}: CONDITION_JSON is not valid JSON: {e}"
                ))
            })?;
            if !condition.is_object() {
                return Err(Error::invalid(format!(
                    "{kind} {version}: CONDITION_JSON must be a JSON object"
                )));
            }
            parse_condition(kind, version, condition.clone())
                .map_err(|e| Error::invalid(format!("{kind} {version}: {e}")))?;
            Ok(Wanted {
                kind: kind.into(),
                version: version.into(),
                condition,
            })
        })
        .collect()
}

/// The JSON line of a message; a duplicate never becomes a message.
pub fn line(message: &EventSubMessage) -> Option<Value> {
    Some(match message {
        EventSubMessage::Welcome { session_id } => {
            json!({"event": "welcome", "session_id": session_id})
        }
        EventSubMessage::Subscribed {
            subscription_id,
            kind,
            version,
        } => {
            json!({"event": "subscribed", "subscription_id": subscription_id, "type": kind, "version": version})
        }
        EventSubMessage::SubscribeFailed {
            kind,
            version,
            error,
        } => {
            json!({"event": "subscribe_failed", "type": kind, "version": version, "error": error.to_string()})
        }
        EventSubMessage::Notification(n) => json!({
            "event": "notification",
            "subscription_id": n.subscription_id,
            "type": n.kind,
            "version": n.version,
            "message_id": n.message_id,
            "data": n.event.to_value(),
        }),
        EventSubMessage::Reconnecting { reason } => {
            json!({"event": "reconnecting", "reason": reason})
        }
        EventSubMessage::Reconnected { session_id } => {
            json!({"event": "reconnected", "session_id": session_id})
        }
        EventSubMessage::Revoked {
            subscription_id,
            status,
        } => json!({"event": "revoked", "subscription_id": subscription_id, "status": status}),
        EventSubMessage::Rejected { reason, .. } => {
            json!({"event": "rejected", "reason": reason})
        }
        EventSubMessage::Error(error) => json!({"event": "error", "error": error.to_string()}),
        _ => return None,
    })
}

fn print_all(
    mut messages: futures::stream::BoxStream<'static, EventSubMessage>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while let Some(message) = messages.next().await {
            if let Some(line) = line(&message) {
                crate::pubsub::print(line);
            }
        }
    })
}

/// Listens over the WebSocket transport until SIGINT or SIGTERM, then
/// deletes the subscriptions and closes.
pub async fn run_ws(
    twitch: &Twitch,
    url: String,
    keepalive: u64,
    wanted: Vec<Wanted>,
) -> Result<(), Error> {
    let mut config = twitchapi::core::eventsub::ws::WsConfig::default();
    config.url = url;
    config.keepalive_seconds = keepalive;
    let client = EventSubWebSocket::with_config(twitch, config);
    let printer = print_all(client.events());
    let listener = client.clone();
    until_signal(wanted, move |w| {
        let client = listener.clone();
        async move {
            let _ = client
                .listen_json(&w.kind, &w.version, w.condition, |_| {})
                .await;
        }
    })
    .await;
    client.stop().await;
    printer.abort();
    Ok(())
}

/// Listens to every wanted subscription (each outcome, subscribed or
/// subscribe_failed, arrives as a message) until SIGINT or SIGTERM.
async fn until_signal<F, Fut>(wanted: Vec<Wanted>, listen: F)
where
    F: Fn(Wanted) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listening: Vec<_> = wanted
        .into_iter()
        .map(|w| tokio::spawn(listen(w)))
        .collect();
    crate::pubsub::shutdown_signal().await;
    for task in listening {
        task.abort();
    }
}

/// Options of `eventsub webhook`.
pub struct WebhookOptions {
    /// `--callback-url`.
    pub callback_url: String,
    /// `--host`.
    pub host: String,
    /// `--port`.
    pub port: u16,
    /// `--secret` (random when `None`).
    pub secret: Option<String>,
    /// `--tls-cert` and `--tls-key`.
    pub tls: Option<(String, String)>,
}

/// Serves the callback and listens until SIGINT or SIGTERM, then deletes
/// the subscriptions and stops.
pub async fn run_webhook(
    twitch: &Twitch,
    options: WebhookOptions,
    wanted: Vec<Wanted>,
) -> Result<(), Error> {
    let mut builder =
        EventSubWebhook::builder(twitch, options.callback_url, options.port).host(options.host);
    if let Some(secret) = options.secret {
        builder = builder.secret(twitchapi::Secret::new(secret));
    }
    if let Some((cert, key)) = &options.tls {
        builder = builder.tls(twitchapi::tls_config_from_pem(cert, key)?);
    }
    let client = builder.start().await?;
    let printer = print_all(client.events());
    let listener = client.clone();
    until_signal(wanted, move |w| {
        let client = listener.clone();
        async move {
            let _ = client
                .listen_json(&w.kind, &w.version, w.condition, |_| {})
                .await;
        }
    })
    .await;
    client.stop().await;
    printer.abort();
    Ok(())
}

/// The newest version of `kind` this crate has a model for.
pub fn latest_version(kind: &str) -> Option<&'static str> {
    TYPES
        .iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, v)| *v)
        .max_by_key(|v| (v.parse::<u32>().unwrap_or(0), *v))
}

/// Asks the mock at `mock_url` to send a `kind` `version` event to every
/// matching subscription; prints `{"type","version","count"}`.
pub async fn trigger(mock_url: &str, kind: &str, version: Option<String>) -> Result<Value, Error> {
    let version = match version {
        Some(v) => v,
        None => latest_version(kind).map(str::to_owned).ok_or_else(|| {
            Error::invalid(format!("unknown EventSub type {kind:?}; give --version"))
        })?,
    };
    let url = format!("{}/mock/eventsub/trigger", mock_url.trim_end_matches('/'));
    let answer = reqwest::Client::new()
        .post(&url)
        .json(&json!({"type": kind, "version": version}))
        .send()
        .await
        .map_err(|e| Error::Transport(format!("{url}: {e}")))?;
    let status = answer.status().as_u16();
    let body: Value = answer
        .json()
        .await
        .map_err(|e| Error::Protocol(format!("{url}: {e}")))?;
    match status {
        200..=299 => Ok(json!({
            "type": kind,
            "version": version,
            "count": body.get("count").cloned().unwrap_or(Value::Null),
        })),
        404 => Err(Error::NotFound(
            body.get("message")
                .and_then(Value::as_str)
                .unwrap_or("not found")
                .to_owned(),
        )),
        _ => Err(Error::Api {
            status,
            message: body
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn triples_are_checked_before_anything_starts() {
        let ok = parse_wanted(&words(&[
            "stream.online",
            "1",
            r#"{"broadcaster_user_id":"1"}"#,
        ]))
        .unwrap();
        assert_eq!(ok[0].kind, "stream.online");
        assert!(parse_wanted(&words(&["stream.online", "1"])).is_err());
        assert!(parse_wanted(&words(&["stream.online", "1", "{"])).is_err());
        assert!(parse_wanted(&words(&["stream.online", "1", "[1]"])).is_err());
        assert!(parse_wanted(&words(&[
            "stream.online",
            "1",
            r#"{"broadcaster_user_id":[1]}"#
        ]))
        .is_err());
        // an unknown type goes to Twitch as given
        assert!(parse_wanted(&words(&["some.new.type", "7", "{}"])).is_ok());
    }

    #[test]
    fn the_newest_version_is_the_default() {
        assert_eq!(latest_version("channel.follow"), Some("2"));
        assert_eq!(latest_version("automod.message.hold"), Some("2"));
        assert_eq!(latest_version("nope"), None);
    }
}
