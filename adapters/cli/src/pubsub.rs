//! `twitchapi pubsub`: listen to PubSub topics and print one JSON line per event.

use std::io::Write;

use futures::StreamExt;
use serde_json::{json, Map, Value};
use twitchapi::core::pubsub::{Event, PubSubConfig, Topic};
use twitchapi::{Error, PubSub, Twitch};

/// The seed's listen methods and their parameters (the core's table).
pub use twitchapi::core::pubsub::LISTEN_METHODS as METHODS;

/// Reads `<listen_method> <ARGS_JSON>` pairs into topics; any mistake is
/// `InvalidArgument` (nothing is started).
pub fn parse_topics(words: &[String]) -> Result<Vec<Topic>, Error> {
    if words.is_empty() || words.len() % 2 != 0 {
        return Err(Error::invalid(
            "expected <listen_method> <ARGS_JSON> pairs, e.g. listen_whispers '{\"user_id\":\"1\"}'",
        ));
    }
    words
        .chunks(2)
        .map(|pair| topic(&pair[0], &pair[1]))
        .collect()
}

fn topic(method: &str, args: &str) -> Result<Topic, Error> {
    let (_, params) = METHODS
        .iter()
        .find(|(name, _)| *name == method)
        .ok_or_else(|| Error::invalid(format!("unknown pubsub method {method:?}")))?;
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
    if let Some(unknown) = args.keys().find(|k| !params.contains(&k.as_str())) {
        return Err(Error::invalid(format!(
            "{method}: unknown parameter {unknown:?}"
        )));
    }
    let mut ids = Vec::with_capacity(params.len());
    for name in params.iter() {
        match args.get(*name) {
            Some(Value::String(s)) if !s.is_empty() => ids.push(s.clone()),
            Some(Value::Number(n)) => ids.push(n.to_string()),
            _ => {
                return Err(Error::invalid(format!(
                    "{method}: {name} is required (a string)"
                )))
            }
        }
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    Topic::for_method(method, &ids)
}

pub fn print(line: Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// The JSON line of an event, if it has one.
pub fn line(event: &Event) -> Option<Value> {
    Some(match event {
        Event::Listening { uuid, topic } => {
            json!({"event": "listening", "uuid": uuid.to_string(), "topic": topic})
        }
        Event::Message {
            uuid,
            topic,
            message,
        } => json!({
            "event": "message",
            "uuid": uuid.to_string(),
            "topic": topic,
            "data": serde_json::to_value(message).unwrap_or(Value::Null),
        }),
        Event::ListenFailed { topic, error, .. } => {
            json!({"event": "listen_failed", "topic": topic, "error": error.to_string()})
        }
        Event::Reconnecting { reason, .. } => json!({"event": "reconnecting", "reason": reason}),
        Event::Reconnected { .. } => json!({"event": "reconnected"}),
        Event::Error(error) => json!({"event": "error", "error": error.to_string()}),
        _ => return None,
    })
}

/// Listens until SIGINT or SIGTERM, then stops cleanly.
pub async fn run(
    twitch: &Twitch,
    url: &str,
    config: PubSubConfig,
    topics: Vec<Topic>,
) -> Result<(), Error> {
    let pubsub = PubSub::with_config(twitch, url, config);
    let mut events = pubsub.events();
    pubsub.start()?;
    for topic in topics {
        let name = topic.name();
        let pubsub = pubsub.clone();
        tokio::spawn(async move {
            // failures arrive as listen_failed events; ones found before
            // anything is sent (a missing scope) are printed here
            if let Err(error @ (Error::MissingScope { .. } | Error::InvalidArgument(_))) =
                pubsub.listen(topic, |_, _| {}).await
            {
                print(json!({"event": "listen_failed", "topic": name, "error": error.to_string()}));
            }
        });
    }
    let stop = shutdown_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            event = events.next() => match event {
                Some(event) => if let Some(line) = line(&event) { print(line) },
                None => break,
            },
            _ = &mut stop => break,
        }
    }
    pubsub.stop()
}

pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
