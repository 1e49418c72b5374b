//! What the callback server answers: the hub's verification requests (GET with
//! `hub.challenge`), notifications (POST, signed), and a health check.

use http::{header, Method, StatusCode};
use url::form_urlencoded;
use uuid::Uuid;

use super::event::Event;
use super::machine::{renew_time, uuid_in, Mode, WebHook};
use super::signature::verify;
use crate::{Duration, Instant};

/// The body of the health check: `GET` on the callback URL itself.
pub const HEALTH_TEXT: &str = "twitchapi webhook";

/// The header carrying a notification's id.
pub const NOTIFICATION_ID: &str = "twitch-notification-id";

/// The header carrying a notification's signature.
pub const SIGNATURE: &str = "x-hub-signature";

fn answer(status: StatusCode, body: impl Into<Vec<u8>>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.into());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

impl WebHook {
    /// The largest body [`WebHook::handle_request`] reads: an adapter may stop
    /// reading a body after this many bytes plus one and pass what it read.
    pub fn body_limit(&self) -> usize {
        self.config.max_body_bytes
    }

    /// How many notification ids are remembered to drop repeats: at most
    /// [`WebHookConfig::dedupe_capacity`](super::WebHookConfig::dedupe_capacity), so memory stays bounded.
    pub fn remembered_notifications(&self) -> usize {
        self.recent.len()
    }

    /// Answers one request to the callback server (any method, any path) and
    /// queues what it means as events. Answers:
    /// - `GET` on the callback URL itself: 200 with [`HEALTH_TEXT`];
    /// - a verification (`GET` with `hub.mode`): 200 with the challenge when
    ///   mode, topic and `uuid` match a hub request we sent (it may come
    ///   before the hub's 202), 200 for a matching `hub.mode=denied`, else 404;
    /// - a notification (`POST`): 413 over [`WebHook::body_limit`], 404 for
    ///   an unknown subscription, 403 for a missing, malformed or wrong
    ///   signature, 400 for a body that is not JSON, else 200, with one
    ///   [`Event::Notification`] per notification id;
    /// - anything else: 404 (405 for other methods).
    pub fn handle_request(
        &mut self,
        request: http::Request<Vec<u8>>,
        now: Instant,
    ) -> http::Response<Vec<u8>> {
        let path = request.uri().path().trim_matches('/');
        let rest = if self.prefix.is_empty() {
            Some(path)
        } else {
            path.strip_prefix(self.prefix.as_str())
                .filter(|r| r.is_empty() || r.starts_with('/'))
                .map(|r| r.trim_matches('/'))
        };
        let Some(rest) = rest.map(str::to_owned) else {
            return answer(StatusCode::NOT_FOUND, "not found");
        };
        let query = request.uri().query().unwrap_or_default().to_owned();
        match *request.method() {
            Method::GET | Method::HEAD => {
                if query.split('&').any(|p| p.starts_with("hub.mode=")) {
                    self.verification(&rest, &query, now)
                } else if rest.is_empty() {
                    answer(StatusCode::OK, HEALTH_TEXT)
                } else {
                    answer(StatusCode::NOT_FOUND, "not found")
                }
            }
            Method::POST => self.notification(&rest, &query, &request),
            _ => answer(StatusCode::METHOD_NOT_ALLOWED, "method not allowed"),
        }
    }

    fn verification(&mut self, rest: &str, query: &str, now: Instant) -> http::Response<Vec<u8>> {
        let mut mode = None;
        let mut topic = None;
        let mut challenge = None;
        let mut lease = None;
        let mut reason = None;
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match &*k {
                "hub.mode" => mode = Some(v.into_owned()),
                "hub.topic" => topic = Some(v.into_owned()),
                "hub.challenge" => challenge = Some(v.into_owned()),
                "hub.lease_seconds" => lease = Some(v.into_owned()),
                "hub.reason" => reason = Some(v.into_owned()),
                _ => {}
            }
        }
        let uuid = uuid_in(&format!("?{query}"));
        let wanted = match mode.as_deref() {
            Some("subscribe" | "denied") => Mode::Subscribe,
            Some("unsubscribe") => Mode::Unsubscribe,
            _ => return self.stray(uuid, "a verification with an unknown hub.mode"),
        };
        let Some((uuid, sub)) = uuid.and_then(|u| self.subs.get_mut(&u).map(|s| (u, s))) else {
            return self.stray(uuid, "a verification for no subscription of ours");
        };
        let matches = sub.path == rest
            && topic.as_deref() == Some(sub.hub_topic.as_str())
            && sub
                .intent
                .as_ref()
                .is_some_and(|i| i.mode == wanted && i.sent);
        if !matches {
            return self.stray(
                Some(uuid),
                "a verification that matches no hub request of ours",
            );
        }
        if mode.as_deref() == Some("denied") {
            let hub_topic = sub.hub_topic.clone();
            self.subs.remove(&uuid);
            self.in_flight.retain(|_, u| *u != uuid);
            self.events.push_back(Event::Denied {
                uuid,
                topic: hub_topic,
                reason: reason.unwrap_or_default(),
            });
            return answer(StatusCode::OK, "");
        }
        let Some(challenge) = challenge else {
            return self.stray(Some(uuid), "a verification without hub.challenge");
        };
        let intent = sub.intent.take();
        if wanted == Mode::Unsubscribe {
            self.subs.remove(&uuid);
            self.in_flight.retain(|_, u| *u != uuid);
            self.events.push_back(Event::Unsubscribed { uuid });
            return answer(StatusCode::OK, challenge);
        }
        // the hub may grant another lease than we asked for
        let seconds = lease
            .and_then(|l| l.parse::<u64>().ok())
            .unwrap_or(u64::from(self.config.lease_seconds));
        let length = Duration::from_secs(seconds);
        sub.expires_at = crate::machine::after(now, length);
        sub.renew_at = renew_time(now, length);
        let renewal = intent.is_some_and(|i| i.renewal);
        let event = if renewal {
            Event::Renewed { uuid }
        } else {
            Event::Subscribed {
                uuid,
                topic: sub.hub_topic.clone(),
            }
        };
        tracing::debug!(target: "twitchapi::webhook", %uuid, seconds, "verified");
        self.events.push_back(event);
        answer(StatusCode::OK, challenge)
    }

    fn notification(
        &mut self,
        rest: &str,
        query: &str,
        request: &http::Request<Vec<u8>>,
    ) -> http::Response<Vec<u8>> {
        let body = request.body();
        let uuid = uuid_in(&format!("?{query}"));
        if body.len() > self.config.max_body_bytes {
            return self.refuse(StatusCode::PAYLOAD_TOO_LARGE, uuid, "body too large");
        }
        let Some((uuid, sub)) = uuid.and_then(|u| self.subs.get(&u).map(|s| (u, s))) else {
            return self.refuse(
                StatusCode::NOT_FOUND,
                None,
                "a notification for no subscription of ours",
            );
        };
        if sub.path != rest || sub.expires_at.is_none() {
            return self.refuse(
                StatusCode::NOT_FOUND,
                Some(uuid),
                "a notification for a subscription that is not verified here",
            );
        }
        let signature = request.headers().get(super::callback::SIGNATURE);
        if let Err(e) = verify(&self.secret, body, signature.map(|v| v.as_bytes())) {
            return self.refuse(StatusCode::FORBIDDEN, Some(uuid), &e.to_string());
        }
        let offline = sub.topic.as_ref().is_some_and(|t| t.offline_when_empty());
        let data = match payload(body, offline) {
            Ok(data) => data,
            Err(reason) => return self.refuse(StatusCode::BAD_REQUEST, Some(uuid), &reason),
        };
        let id = request
            .headers()
            .get(NOTIFICATION_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(id) = &id {
            if !self.recent.insert(id) {
                tracing::debug!(target: "twitchapi::webhook", %uuid, id = %id, "repeated notification");
                return answer(StatusCode::OK, "");
            }
        }
        self.events
            .push_back(Event::Notification { uuid, id, data });
        answer(StatusCode::OK, "")
    }

    fn stray(&mut self, uuid: Option<Uuid>, reason: &str) -> http::Response<Vec<u8>> {
        self.refuse(StatusCode::NOT_FOUND, uuid, reason)
    }

    fn refuse(
        &mut self,
        status: StatusCode,
        uuid: Option<Uuid>,
        reason: &str,
    ) -> http::Response<Vec<u8>> {
        tracing::debug!(target: "twitchapi::webhook", ?uuid, status = status.as_u16(), reason, "refused");
        self.events.push_back(Event::Rejected {
            uuid,
            reason: reason.to_owned(),
        });
        answer(status, reason.to_owned())
    }
}

/// The first element of the body's `data` array (`{"type":"offline"}` for an
/// empty stream notification, `null` for other empty ones).
fn payload(body: &[u8], offline_when_empty: bool) -> Result<serde_json::Value, String> {
    #[derive(serde::Deserialize)]
    struct Body {
        data: Vec<serde_json::Value>,
    }
    let parsed: Body = serde_json::from_slice(body)
        .map_err(|e| format!("the notification body is not {{\"data\":[...]}}: {e}"))?;
    Ok(match parsed.data.into_iter().next() {
        Some(first) => first,
        None if offline_when_empty => serde_json::json!({ "type": "offline" }),
        None => serde_json::Value::Null,
    })
}
