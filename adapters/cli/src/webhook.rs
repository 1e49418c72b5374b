//! `twitchapi webhook`: subscribe to (legacy) webhook topics, serve the
//! callback, print one JSON line per event; unsubscribe everything on
//! SIGINT/SIGTERM.

use std::sync::Arc;

use futures::StreamExt;
use serde_json::{json, Map, Value};
use twitchapi::core::webhook::{Event, WebhookTopic};
use twitchapi::{Error, Twitch, TwitchWebHook};

/// The seed's subscribe methods and their parameters (the first ones listed
/// without `?` are required).
pub const METHODS: &[(&str, &[&str])] = &[
    ("subscribe_user_follow", &["from_id?", "to_id?"]),
    ("subscribe_stream_changed", &["user_id"]),
    ("subscribe_user_changed", &["user_id"]),
    ("subscribe_extension_transaction_created", &["extension_id"]),
    (
        "subscribe_moderator_change_events",
        &["broadcaster_id", "user_id?"],
    ),
    (
        "subscribe_channel_ban_change_events",
        &["broadcaster_id", "user_id?"],
    ),
    (
        "subscribe_subscription_events",
        &["broadcaster_id", "user_id?", "gifter_id?", "gifter_name?"],
    ),
    ("subscribe_hype_train_events", &["broadcaster_id"]),
];

/// Options of the subcommand.
pub struct Options {
    /// `--callback-url`.
    pub callback_url: String,
    /// `--host`.
    pub host: String,
    /// `--port`.
    pub port: u16,
    /// `--secret` (random when `None`).
    pub secret: Option<String>,
    /// `--lease-seconds`.
    pub lease_seconds: u32,
    /// `--tls-cert` and `--tls-key`.
    pub tls: Option<(String, String)>,
}

/// Reads `<subscribe_method> <ARGS_JSON>` pairs into topics; any mistake is
/// `InvalidArgument` (nothing is started).
pub fn parse_topics(words: &[String]) -> Result<Vec<WebhookTopic>, Error> {
    if words.is_empty() || words.len() % 2 != 0 {
        return Err(Error::invalid(
            "expected <subscribe_method> <ARGS_JSON> pairs, e.g. subscribe_stream_changed '{\"user_id\":\"1\"}'",
        ));
    }
    words.chunks(2).map(|p| topic(&p[0], &p[1])).collect()
}

fn topic(method: &str, args: &str) -> Result<WebhookTopic, Error> {
    let (_, params) = METHODS
        .iter()
        .find(|(name, _)| *name == method)
        .ok_or_else(|| Error::invalid(format!("unknown webhook method {method:?}")))?;
    let args: Map<String, Value> = match serde_json::from_str(args) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            return Err(Error::invalid(format!(
                "{method}: ARGS_JSON must be a JSON object"
            )))
        }
        Err(e) => {
            return Err(Error::invalid(format!(
                "{method}: ARGS_JSON is not valid JSON: {e}"
            )))
        }
    };
    if let Some(unknown) = args
        .keys()
        .find(|k| !params.iter().any(|p| p.trim_end_matches('?') == k.as_str()))
    {
        return Err(Error::invalid(format!(
            "{method}: unknown parameter {unknown:?}"
        )));
    }
    let opt = |name: &str| -> Result<Option<String>, Error> {
        match args.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(Error::invalid(format!("{method}: {name} must be a string"))),
        }
    };
    let req = |name: &str| -> Result<String, Error> {
        opt(name)?.ok_or_else(|| Error::invalid(format!("{method}: {name} is required")))
    };
    let topic = match method {
        "subscribe_user_follow" => WebhookTopic::UserFollow {
            from_id: opt("from_id")?,
            to_id: opt("to_id")?,
        },
        "subscribe_stream_changed" => WebhookTopic::StreamChanged {
            user_id: req("user_id")?,
        },
        "subscribe_user_changed" => WebhookTopic::UserChanged {
            user_id: req("user_id")?,
        },
        "subscribe_extension_transaction_created" => WebhookTopic::ExtensionTransactionCreated {
            extension_id: req("extension_id")?,
        },
        "subscribe_moderator_change_events" => WebhookTopic::ModeratorChange {
            broadcaster_id: req("broadcaster_id")?,
            user_id: opt("user_id")?,
        },
        "subscribe_channel_ban_change_events" => WebhookTopic::ChannelBanChange {
            broadcaster_id: req("broadcaster_id")?,
            user_id: opt("user_id")?,
        },
        "subscribe_subscription_events" => WebhookTopic::Subscription {
            broadcaster_id: req("broadcaster_id")?,
            user_id: opt("user_id")?,
            gifter_id: opt("gifter_id")?,
            gifter_name: opt("gifter_name")?,
        },
        _ => WebhookTopic::HypeTrain {
            broadcaster_id: req("broadcaster_id")?,
        },
    };
    topic
        .validate()
        .map_err(|e| Error::invalid(format!("{method}: {e}")))?;
    Ok(topic)
}

/// The JSON line of an event, if it has one.
pub fn line(event: &Event) -> Option<Value> {
    Some(match event {
        Event::Subscribed { uuid, topic } => {
            json!({"event": "subscribed", "uuid": uuid.to_string(), "topic": topic})
        }
        Event::Denied {
            uuid,
            topic,
            reason,
        } => json!({"event": "denied", "uuid": uuid.to_string(), "topic": topic, "reason": reason}),
        Event::Notification { uuid, data, .. } => {
            json!({"event": "notification", "uuid": uuid.to_string(), "data": data})
        }
        Event::Rejected { reason, .. } => json!({"event": "rejected", "reason": reason}),
        Event::Renewed { uuid } => json!({"event": "renewed", "uuid": uuid.to_string()}),
        Event::Unsubscribed { uuid } => {
            json!({"event": "unsubscribed", "uuid": uuid.to_string()})
        }
        Event::Expired { uuid } => json!({"event": "expired", "uuid": uuid.to_string()}),
        Event::Failed { uuid, error } => {
            json!({"event": "error", "uuid": uuid.to_string(), "error": error.to_string()})
        }
        _ => return None,
    })
}

/// Serves and subscribes until SIGINT or SIGTERM, then unsubscribes
/// everything and stops.
pub async fn run(
    twitch: &Twitch,
    options: Options,
    topics: Vec<WebhookTopic>,
) -> Result<(), Error> {
    let mut hook = TwitchWebHook::new(options.callback_url, twitch.app_id(), options.port);
    hook.host = options.host;
    hook.subscribe_least_seconds = options.lease_seconds;
    if let Some(secret) = options.secret {
        hook.secret = twitchapi::Secret::new(secret);
    }
    if let Some((cert, key)) = &options.tls {
        hook.tls = Some(twitchapi::tls_config_from_pem(cert, key)?);
    }
    hook.authenticate(twitch)?;
    hook.start().await?;
    let mut events = hook.events();
    let printer = tokio::spawn(async move {
        while let Some(event) = events.next().await {
            if let Some(line) = line(&event) {
                crate::pubsub::print(line);
            }
        }
    });
    let hook = Arc::new(tokio::sync::RwLock::new(hook));
    let mut subscribing = Vec::new();
    for topic in topics {
        let hook = Arc::clone(&hook);
        subscribing.push(tokio::spawn(async move {
            // every outcome (subscribed, denied, error) arrives as an event
            let _ = hook.read().await.subscribe(topic, |_, _| {}).await;
        }));
    }
    crate::pubsub::shutdown_signal().await;
    for task in subscribing {
        task.abort();
    }
    let stopped = hook.write().await.stop().await;
    printer.abort();
    stopped
}
