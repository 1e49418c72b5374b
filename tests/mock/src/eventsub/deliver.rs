//! Notifications, revocations and reconnects: what the triggers of
//! [`crate::MockServer`] send.
//!
//! A notification goes to every enabled subscription of its type and
//! version, each with a message id of its own: on every socket of a
//! WebSocket session (both sockets during a reconnect handoff, with the same
//! message id), or POSTed to a webhook callback (retried; a subscription
//! whose deliveries failed the configured number of times in a row is
//! revoked with `notification_failures_exceeded`).

use serde_json::Value;

use super::catalog::{self, Kind};
use super::messages;
use super::subscription::{Stored, Transport};
use super::webhook::{deliver, send_once, Outgoing, Retry};
use crate::state::{lock, Shared, State};

/// The status of a webhook subscription revoked after failed deliveries.
pub(crate) const FAILURES_EXCEEDED: &str = "notification_failures_exceeded";

/// The documented event of `kind`, with the user ids of `condition` (and
/// the logins and names of seeded users) put into the event's fields of the
/// same names.
fn documented_event(state: &State, kind: &Kind, condition: &Value) -> Value {
    if let Some(events) = &kind.events {
        return Value::Array(events.clone());
    }
    let mut event = kind
        .event
        .clone()
        .unwrap_or_else(|| Value::Object(Default::default()));
    let (Some(fields), Some(condition)) = (event.as_object_mut(), condition.as_object()) else {
        return event;
    };
    for (key, value) in condition {
        let (Some(prefix), Some(id)) = (key.strip_suffix("_id"), value.as_str()) else {
            continue;
        };
        if !key.ends_with("user_id") || !fields.contains_key(key) {
            continue;
        }
        fields.insert(key.clone(), Value::from(id));
        if let Some(user) = state.data.user(id) {
            for (suffix, text) in [("_login", &user.login), ("_name", &user.display_name)] {
                let field = format!("{prefix}{suffix}");
                if fields.contains_key(&field) {
                    fields.insert(field, Value::from(text.as_str()));
                }
            }
        }
    }
    event
}

/// A given event in the shape of `kind`: batched types take a list.
fn given_event(kind: &Kind, event: Value) -> Value {
    match event {
        Value::Array(_) => event,
        other if kind.batched() => Value::Array(vec![other]),
        other => other,
    }
}

/// Sends a notification of type `kind` in `version` (`event`, else the
/// documented one) to every enabled subscription; how many got it (`None`
/// for an unknown type or version).
pub(crate) async fn notify(
    shared: &Shared,
    kind: &str,
    version: &str,
    event: Option<Value>,
) -> Option<usize> {
    let entry = catalog::find(kind, version)?;
    let mut reached = 0;
    let mut hooks = Vec::new();
    let (client, signing, retry, limit, twice) = {
        let mut state = lock(shared);
        let twice = std::mem::take(&mut state.eventsub.duplicate_next);
        let targets: Vec<Stored> = state
            .eventsub
            .subscriptions
            .iter()
            .filter(|s| s.is_enabled() && s.kind == kind && s.version == version)
            .cloned()
            .collect();
        for sub in targets {
            let event = match &event {
                Some(given) => given_event(entry, given.clone()),
                None => documented_event(&state, entry, &sub.condition),
            };
            let payload = messages::event_payload(&sub, event, entry.batched());
            let message_id = state.next_uuid();
            match &sub.transport {
                Transport::WebSocket { session_id, .. } => {
                    let text = messages::notification(&message_id, &sub, &payload);
                    let mut sent = state.eventsub.sessions.send(session_id, &text);
                    if twice {
                        sent += state.eventsub.sessions.send(session_id, &text);
                    }
                    reached += usize::from(sent > 0);
                }
                Transport::Webhook { callback, secret } => hooks.push((
                    sub.id.clone(),
                    Outgoing {
                        callback: callback.clone(),
                        secret: secret.clone(),
                        message_id,
                        message_type: "notification",
                        kind: sub.kind.clone(),
                        version: sub.version.clone(),
                        body: messages::webhook_notification(&payload),
                    },
                )),
            }
        }
        let settings = state.eventsub.settings;
        let retry = Retry {
            retries: settings.webhook_retries,
            backoff: settings.webhook_retry_backoff,
        };
        let client = if hooks.is_empty() {
            None
        } else {
            state.webhook.client()
        };
        (
            client,
            state.eventsub.signing,
            retry,
            settings.webhook_failure_limit,
            twice,
        )
    };
    let Some(client) = client else {
        return Some(reached);
    };
    let tasks: Vec<_> = hooks
        .into_iter()
        .map(|(id, out)| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut taken = deliver(&client, &out, signing, retry).await;
                if twice {
                    taken |= deliver(&client, &out, signing, retry).await;
                }
                (id, taken)
            })
        })
        .collect();
    let mut outcomes = Vec::with_capacity(tasks.len());
    for task in tasks {
        if let Ok(outcome) = task.await {
            outcomes.push(outcome);
        }
    }
    let mut revoked = Vec::new();
    {
        let mut state = lock(shared);
        for (id, taken) in outcomes {
            reached += usize::from(taken);
            let Some(sub) = state.eventsub.find_mut(&id) else {
                continue;
            };
            if taken {
                sub.failures = 0;
                continue;
            }
            sub.failures += 1;
            if sub.failures >= limit && sub.is_enabled() {
                sub.status = FAILURES_EXCEEDED.to_owned();
                let sub = sub.clone();
                revoked.push(revocation_out(&mut state, &sub));
            }
        }
    }
    for out in revoked.into_iter().flatten() {
        send_once(&client, &out, signing, 0).await;
    }
    Some(reached)
}

/// The webhook message revoking `sub` (`None` for WebSocket subscriptions).
fn revocation_out(state: &mut State, sub: &Stored) -> Option<Outgoing> {
    let Transport::Webhook { callback, secret } = &sub.transport else {
        return None;
    };
    Some(Outgoing {
        callback: callback.clone(),
        secret: secret.clone(),
        message_id: state.next_uuid(),
        message_type: "revocation",
        kind: sub.kind.clone(),
        version: sub.version.clone(),
        body: messages::webhook_revocation(sub),
    })
}

/// Revokes subscription `id` (enabled or being verified) with `status`: an
/// enabled one is told with a revocation message. `false` for an unknown or
/// already disabled subscription, or a status that is not a revocation.
pub(crate) fn revoke(shared: &Shared, id: &str, status: &str) -> bool {
    if status.is_empty() || status == "enabled" || status.starts_with("webhook_callback") {
        return false;
    }
    let mut state = lock(shared);
    let Some(sub) = state.eventsub.find_mut(id).filter(|s| s.is_live()) else {
        return false;
    };
    let was_enabled = sub.is_enabled();
    sub.status = status.to_owned();
    let sub = sub.clone();
    if !was_enabled {
        return true;
    }
    match &sub.transport {
        Transport::WebSocket { session_id, .. } => {
            let text = messages::revocation(&state.next_uuid(), &sub);
            state.eventsub.sessions.send(session_id, &text);
        }
        Transport::Webhook { .. } => {
            let out = revocation_out(&mut state, &sub);
            let client = state.webhook.client();
            let signing = state.eventsub.signing;
            if let (Some(out), Some(client), Some(runtime)) =
                (out, client, state.eventsub.runtime.clone())
            {
                runtime.spawn(async move {
                    send_once(&client, &out, signing, 0).await;
                });
            }
        }
    }
    true
}

/// Sends `session_reconnect` to every session (on its newest socket), each
/// with a reconnect URL of its own; returns how many got it.
pub(crate) fn reconnect_all(state: &mut State) -> usize {
    let base = state.base_url.replacen("http://", "ws://", 1);
    let mut sent = 0;
    for id in state.eventsub.sessions.ids() {
        let token = state.next_secret();
        let message_id = state.next_uuid();
        let Some(session) = state.eventsub.sessions.get_mut(&id) else {
            continue;
        };
        session.reconnect_token = Some(token.clone());
        let url = format!("{base}/eventsub/ws?reconnect={token}");
        let frame = messages::reconnect(&message_id, &id, session.connected_at, &url);
        sent += usize::from(state.eventsub.sessions.reconnect(&id, frame));
    }
    sent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MockConfig;

    #[test]
    fn documented_events_take_the_condition_users() {
        let state = State::new(&MockConfig::default());
        let follow = catalog::find("channel.follow", "2").unwrap();
        let condition = serde_json::json!({
            "broadcaster_user_id": crate::seeded::TWITCHDEV_ID,
            "moderator_user_id": crate::seeded::TWITCHDEV_ID,
        });
        let event = documented_event(&state, follow, &condition);
        assert_eq!(event["broadcaster_user_id"], crate::seeded::TWITCHDEV_ID);
        assert_eq!(event["broadcaster_user_login"], "twitchdev");
        assert_eq!(event["user_id"], "1234", "the follower stays");
        let drops = catalog::find("drop.entitlement.grant", "1").unwrap();
        assert!(documented_event(&state, drops, &condition).is_array());
        assert!(given_event(drops, serde_json::json!({"id": "x"})).is_array());
        assert!(given_event(follow, serde_json::json!({"id": "x"})).is_object());
    }
}
