//! POST /helix/eventsub/subscriptions: Create EventSub Subscription, checked
//! in Twitch's order: the body, the type and version, the condition, the
//! transport (and its token kind), the authorization, duplicates, limits.
//!
//! - 400: a body that does not fit; an unknown type or version; a condition
//!   without a required key (channel.raid: exactly one of
//!   `from_broadcaster_user_id`, `to_broadcaster_user_id`) or with a value
//!   that is not a string; `websocket` with an app token, or for a type that
//!   takes app tokens only, or a `session_id` that is not a live session, or
//!   one whose subscriptions belong to another user; `webhook` with a user
//!   token, a callback that is neither https nor http on 127.0.0.1 or
//!   localhost, a secret that is not 10 to 100 ASCII characters;
//!   `drop.entitlement.grant` without `is_batching_enabled: true`.
//! - 403 "subscription missing proper authorization": the type's scopes (one
//!   of each group) are not granted, or the authorizing user in the condition
//!   (the moderator, else the chatting user, else the broadcaster) is not the
//!   token's user (WebSocket) or never authorized the client with those
//!   scopes (webhook); a `client_id` or `extension_client_id` condition that
//!   is not the token's client.
//! - 409: the same type, version, condition and transport target exists
//!   (enabled or being verified).
//! - 429: a session's 300th enabled subscription is its last; a user's
//!   subscriptions may use at most 3 sessions per client ("number of
//!   websocket transports limit exceeded"); the cost would pass
//!   `max_total_cost` (10 per user for WebSockets, 10000 per client for
//!   webhooks).
//!
//! Cost: a WebSocket subscription costs 0 when a user id of its condition is
//! the token's user, else 1; a webhook subscription costs 0 when its type
//! needs scopes or a user of its condition authorized the client, else 1.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use url::{Host, Url};

use super::catalog::{self, Kind, USER_KEYS};
use super::list::{max_total_cost, totals};
use super::messages;
use super::subscription::{Stored, Transport, View, ENABLED, PENDING};
use super::webhook::{Outgoing, Verification};
use super::{MAX_SESSIONS_PER_USER, WEBHOOK_MAX_TOTAL_COST, WEBSOCKET_MAX_TOTAL_COST};
use crate::errors::ApiError;
use crate::helix::{json_body, Auth, HelixRequest};
use crate::state::State;

/// Shortest and longest webhook secret.
const SECRET_LEN: (usize, usize) = (10, 100);

#[derive(Deserialize)]
struct Body {
    #[serde(rename = "type")]
    kind: String,
    version: String,
    condition: Value,
    transport: TransportBody,
    #[serde(default)]
    is_batching_enabled: Option<bool>,
}

#[derive(Deserialize)]
struct TransportBody {
    method: String,
    #[serde(default)]
    callback: Option<String>,
    #[serde(default)]
    secret: Option<String>,
    #[serde(default)]
    session_id: Option<String>,
}

/// Where the subscription's messages will go.
enum Target {
    WebSocket { session_id: String },
    Webhook { callback: String, secret: String },
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(message)
}

fn denied() -> ApiError {
    ApiError::forbidden("subscription missing proper authorization")
}

fn too_many(message: &str) -> ApiError {
    ApiError::new(StatusCode::TOO_MANY_REQUESTS, message)
}

/// 400 unless the condition is an object of strings holding one key of each required group.
fn check_condition<'a>(
    kind: &Kind,
    condition: &'a Value,
) -> Result<&'a Map<String, Value>, ApiError> {
    let map = condition
        .as_object()
        .ok_or_else(|| bad("condition must be an object"))?;
    if let Some((key, _)) = map.iter().find(|(_, v)| !v.is_string()) {
        return Err(bad(format!("condition.{key} must be a string")));
    }
    for group in &kind.required {
        let given = group
            .iter()
            .filter(|k| {
                map.get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(|v| !v.is_empty())
            })
            .count();
        match (given, group.as_slice()) {
            (1, _) => {}
            (0, [only]) => return Err(bad(format!("condition.{only} is required"))),
            (0, _) => return Err(bad(format!("condition needs one of {}", group.join(", ")))),
            _ => {
                return Err(bad(format!(
                    "condition may hold only one of {}",
                    group.join(", ")
                )))
            }
        }
    }
    Ok(map)
}

/// Whether `callback` may receive messages: https anywhere, http on this machine.
fn callback_ok(callback: &str) -> bool {
    let Ok(url) = Url::parse(callback) else {
        return false;
    };
    let local = match url.host() {
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => return false,
    };
    url.scheme() == "https" || (url.scheme() == "http" && local)
}

fn target(state: &State, auth: &Auth, kind: &Kind, t: &TransportBody) -> Result<Target, ApiError> {
    match t.method.as_str() {
        "websocket" => {
            if auth.user_id.is_none() {
                return Err(bad("invalid transport and auth combination: websocket transports require a user access token"));
            }
            if kind.webhook_only {
                return Err(bad(format!(
                    "{} does not support websocket transports",
                    kind.kind
                )));
            }
            let session_id = t
                .session_id
                .as_deref()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| bad("transport.session_id is required for websocket transports"))?;
            if state.eventsub.sessions.get(session_id).is_none() {
                return Err(bad(
                    "websocket transport session does not exist or has already disconnected",
                ));
            }
            Ok(Target::WebSocket {
                session_id: session_id.to_owned(),
            })
        }
        "webhook" => {
            if auth.user_id.is_some() {
                return Err(bad("invalid transport and auth combination: webhook transports require an app access token"));
            }
            let callback = t
                .callback
                .as_deref()
                .filter(|c| !c.is_empty())
                .ok_or_else(|| bad("transport.callback is required for webhook transports"))?;
            if !callback_ok(callback) {
                return Err(bad(
                    "transport.callback must be an https URL (http only on 127.0.0.1 or localhost)",
                ));
            }
            let (low, high) = SECRET_LEN;
            let secret = t
                .secret
                .as_deref()
                .filter(|s| s.is_ascii() && (low..=high).contains(&s.len()))
                .ok_or_else(|| {
                    bad(format!(
                        "transport.secret must be {low} to {high} ASCII characters"
                    ))
                })?;
            Ok(Target::Webhook {
                callback: callback.to_owned(),
                secret: secret.to_owned(),
            })
        }
        "conduit" => Err(bad("conduit transports are not served by this server")),
        _ => Err(bad("transport.method must be webhook or websocket")),
    }
}

/// The scope sets `user_id` granted `client_id`: those of every access or
/// refresh token issued to them that was not revoked.
fn grants<'a>(
    state: &'a State,
    client_id: &'a str,
    user_id: &'a str,
) -> impl Iterator<Item = &'a [String]> + 'a {
    let access = state
        .tokens
        .values()
        .filter(move |t| !t.revoked && t.client_id == client_id)
        .filter(move |t| t.user_id.as_deref() == Some(user_id))
        .map(|t| t.scopes.as_slice());
    let refresh = state
        .refresh_tokens
        .values()
        .filter(move |t| !t.revoked && t.client_id == client_id && t.user_id == user_id)
        .map(|t| t.scopes.as_slice());
    access.chain(refresh)
}

/// Whether `scopes` hold one scope of every group.
fn satisfies(groups: &[Vec<String>], scopes: &[String]) -> bool {
    groups.iter().all(|g| g.iter().any(|s| scopes.contains(s)))
}

fn authorize(
    state: &State,
    auth: &Auth,
    kind: &Kind,
    condition: &Map<String, Value>,
) -> Result<(), ApiError> {
    for key in ["client_id", "extension_client_id"] {
        if condition
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(|c| c != auth.client_id)
        {
            return Err(denied());
        }
    }
    if !kind.needs_scopes() {
        return Ok(());
    }
    let user = catalog::authorizing_key(condition).and_then(|k| condition.get(k)?.as_str());
    let Some(user) = user else {
        return Err(denied());
    };
    match &auth.user_id {
        Some(me) if me == user && satisfies(&kind.scopes, &auth.scopes) => Ok(()),
        Some(_) => Err(denied()),
        None => {
            let mut needed = kind.scopes.clone();
            if kind.bot {
                needed.push(vec!["user:bot".to_owned()]);
            }
            if grants(state, &auth.client_id, user).any(|granted| satisfies(&needed, granted)) {
                Ok(())
            } else {
                Err(denied())
            }
        }
    }
}

fn cost_of(state: &State, auth: &Auth, kind: &Kind, condition: &Map<String, Value>) -> u64 {
    let users: Vec<&str> = USER_KEYS
        .iter()
        .filter_map(|k| condition.get(*k)?.as_str())
        .collect();
    let free = match &auth.user_id {
        Some(me) => users.contains(&me.as_str()),
        None => {
            kind.needs_scopes()
                || users
                    .iter()
                    .any(|u| grants(state, &auth.client_id, u).next().is_some())
        }
    };
    u64::from(!free)
}

fn same_target(sub: &Stored, target: &Target) -> bool {
    match (&sub.transport, target) {
        (Transport::WebSocket { session_id: a, .. }, Target::WebSocket { session_id: b }) => a == b,
        (Transport::Webhook { callback: a, .. }, Target::Webhook { callback: b, .. }) => a == b,
        _ => false,
    }
}

/// 400 or 429 when the new subscription would break a limit.
fn check_limits(state: &State, auth: &Auth, target: &Target, cost: u64) -> Result<(), ApiError> {
    let subs = &state.eventsub.subscriptions;
    let user = auth.user_id.as_deref();
    let mine = || {
        subs.iter()
            .filter(move |s| s.is_live() && s.owned_by(&auth.client_id, user))
    };
    if let Target::WebSocket { session_id } = target {
        let me = (auth.client_id.clone(), user.unwrap_or_default().to_owned());
        let session = state.eventsub.sessions.get(session_id);
        if session
            .and_then(|s| s.owner.as_ref())
            .is_some_and(|owner| *owner != me)
        {
            return Err(bad("websocket transport session is in use by another user"));
        }
        let on_session = mine()
            .filter(|s| s.session_id() == Some(session_id))
            .count();
        if on_session >= state.eventsub.settings.max_per_session {
            return Err(too_many(
                "websocket transport session subscription limit exceeded",
            ));
        }
        let others: BTreeSet<&str> = mine()
            .filter_map(Stored::session_id)
            .filter(|s| s != session_id)
            .collect();
        if on_session == 0 && others.len() >= MAX_SESSIONS_PER_USER {
            return Err(too_many("number of websocket transports limit exceeded"));
        }
    }
    let max = match target {
        Target::WebSocket { .. } => WEBSOCKET_MAX_TOTAL_COST,
        Target::Webhook { .. } => WEBHOOK_MAX_TOTAL_COST,
    };
    let spent: u64 = mine().map(|s| s.cost).sum();
    if spent + cost > max {
        return Err(too_many(
            "total cost of subscriptions exceeds max_total_cost",
        ));
    }
    Ok(())
}

#[derive(Serialize)]
struct Created {
    data: Vec<View>,
    total: usize,
    total_cost: u64,
    max_total_cost: u64,
}

/// The endpoint: 202 with the new subscription (a webhook's verification
/// attached for [`super::follow_up`]), or Twitch's error.
pub(crate) fn create(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let body: Body = json_body(req)?;
    let kind = catalog::find(&body.kind, &body.version).ok_or_else(|| {
        bad(format!(
            "unsupported subscription type and version: {} {}",
            body.kind, body.version
        ))
    })?;
    let condition = check_condition(kind, &body.condition)?;
    let target = target(state, auth, kind, &body.transport)?;
    if kind.batched() && body.is_batching_enabled != Some(true) {
        return Err(bad(format!(
            "{} requires is_batching_enabled to be true",
            kind.kind
        )));
    }
    authorize(state, auth, kind, condition)?;
    let duplicate = state.eventsub.subscriptions.iter().any(|s| {
        s.is_live()
            && s.client_id == auth.client_id
            && s.kind == kind.kind
            && s.version == kind.version
            && s.condition == body.condition
            && same_target(s, &target)
    });
    if duplicate {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "subscription already exists",
        ));
    }
    let cost = cost_of(state, auth, kind, condition);
    check_limits(state, auth, &target, cost)?;

    let now = OffsetDateTime::now_utc();
    let id = state.next_uuid();
    let (transport, status) = match &target {
        Target::WebSocket { session_id } => {
            let connected_at = state
                .eventsub
                .sessions
                .get(session_id)
                .map_or(now, |s| s.connected_at);
            let transport = Transport::WebSocket {
                session_id: session_id.clone(),
                connected_at,
                disconnected_at: None,
            };
            (transport, ENABLED)
        }
        Target::Webhook { callback, secret } => {
            let transport = Transport::Webhook {
                callback: callback.clone(),
                secret: secret.clone(),
            };
            (transport, PENDING)
        }
    };
    let stored = Stored {
        id,
        kind: kind.kind.clone(),
        version: kind.version.clone(),
        status: status.to_owned(),
        condition: body.condition.clone(),
        created_at: now,
        client_id: auth.client_id.clone(),
        user_id: auth.user_id.clone(),
        transport,
        cost,
        failures: 0,
    };
    if let Target::WebSocket { session_id } = &target {
        if let Some(session) = state.eventsub.sessions.get_mut(session_id) {
            session.subscribed = true;
            session.owner = Some((
                auth.client_id.clone(),
                auth.user_id.clone().unwrap_or_default(),
            ));
        }
    }
    let view = stored.view();
    let verification = match &target {
        Target::Webhook { callback, secret } => {
            let challenge = state.next_secret();
            Some(Verification {
                subscription_id: stored.id.clone(),
                out: Outgoing {
                    callback: callback.clone(),
                    secret: secret.clone(),
                    message_id: state.next_uuid(),
                    message_type: "webhook_callback_verification",
                    kind: stored.kind.clone(),
                    version: stored.version.clone(),
                    body: messages::webhook_challenge(&challenge, &stored),
                },
                challenge,
            })
        }
        Target::WebSocket { .. } => None,
    };
    state.eventsub.subscriptions.push(stored);
    let user = auth.user_id.as_deref();
    let (total, total_cost) = totals(&state.eventsub.subscriptions, &auth.client_id, user);
    let body = Created {
        data: vec![view],
        total,
        total_cost,
        max_total_cost: max_total_cost(user),
    };
    let mut response = (StatusCode::ACCEPTED, Json(body)).into_response();
    if let Some(verification) = verification {
        response.extensions_mut().insert(verification);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callbacks() {
        for ok in [
            "https://example.com/cb",
            "https://example.com:8443/cb",
            "http://127.0.0.1:8080/cb",
            "http://localhost/cb",
            "http://[::1]:9/cb",
        ] {
            assert!(callback_ok(ok), "{ok}");
        }
        for bad in [
            "http://example.com/cb",
            "ftp://127.0.0.1/",
            "/cb",
            "",
            "https://",
        ] {
            assert!(!callback_ok(bad), "{bad}");
        }
    }

    #[test]
    fn conditions() {
        let follow = catalog::find("channel.follow", "2").unwrap();
        let ok = serde_json::json!({"broadcaster_user_id": "1", "moderator_user_id": "1"});
        assert!(check_condition(follow, &ok).is_ok());
        let missing = serde_json::json!({"broadcaster_user_id": "1"});
        let error = check_condition(follow, &missing).unwrap_err();
        assert_eq!(error.message, "condition.moderator_user_id is required");
        let number = serde_json::json!({"broadcaster_user_id": 1, "moderator_user_id": "1"});
        assert!(check_condition(follow, &number).is_err());
        assert!(check_condition(follow, &serde_json::json!([])).is_err());
        let raid = catalog::find("channel.raid", "1").unwrap();
        assert!(
            check_condition(raid, &serde_json::json!({"from_broadcaster_user_id": "1"})).is_ok()
        );
        assert!(check_condition(raid, &serde_json::json!({})).is_err());
        let both =
            serde_json::json!({"from_broadcaster_user_id": "1", "to_broadcaster_user_id": "2"});
        assert!(check_condition(raid, &both).is_err());
        let reward =
            catalog::find("channel.channel_points_custom_reward_redemption.add", "1").unwrap();
        assert!(check_condition(reward, &serde_json::json!({"broadcaster_user_id": "1"})).is_ok());
    }

    #[test]
    fn scope_groups() {
        let groups = vec![vec!["a".to_owned(), "b".to_owned()], vec!["c".to_owned()]];
        assert!(satisfies(&groups, &["b".to_owned(), "c".to_owned()]));
        assert!(!satisfies(&groups, &["a".to_owned(), "b".to_owned()]));
        assert!(satisfies(&[], &[]));
    }
}
