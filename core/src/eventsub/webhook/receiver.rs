//! [`Receiver`]: what an EventSub webhook callback answers, and what it hands out.

use std::collections::VecDeque;
use std::sync::Arc;

use http::{header, StatusCode};
use time::OffsetDateTime;

use super::body::{self, SubscriptionText};
use super::known::KnownSubscriptions;
use super::seen::{MemorySeenIds, SeenIds};
use super::signature::{check_secret, Keyed};

use crate::eventsub::{RawEvent, Subscription};
use crate::{Error, Secret};

/// Messages older than this are refused (Twitch's advice against replays).
pub const MAX_AGE: time::Duration = time::Duration::minutes(10);

/// Bodies larger than this are answered 413.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The `Twitch-Eventsub-Message-*` headers (the first of each), found in one
/// pass over the headers rather than one hashed lookup each.
#[derive(Default)]
struct MessageHeaders<'a> {
    id: Option<&'a [u8]>,
    timestamp: Option<&'a [u8]>,
    signature: Option<&'a [u8]>,
    kind: Option<&'a [u8]>,
}

impl<'a> MessageHeaders<'a> {
    fn of(headers: &'a http::HeaderMap) -> MessageHeaders<'a> {
        let mut found = MessageHeaders::default();
        for (name, value) in headers {
            let Some(which) = name.as_str().strip_prefix("twitch-eventsub-message-") else {
                continue;
            };
            let slot = match which {
                "id" => &mut found.id,
                "timestamp" => &mut found.timestamp,
                "signature" => &mut found.signature,
                "type" => &mut found.kind,
                _ => continue,
            };
            slot.get_or_insert(value.as_bytes());
        }
        found
    }
}

/// What a [`Receiver`] hands out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// Twitch checked the callback of a new subscription; the challenge was answered.
    Verified {
        /// The subscription (status `webhook_callback_verification_pending`).
        subscription: Subscription,
    },
    /// A notification, verified and seen for the first time (a batched
    /// message, as `drop.entitlement.grant` sends, gives one per element).
    /// Read `event` with [`RawEvent::parse`] for its typed model.
    Notification {
        /// `Twitch-Eventsub-Message-Id`.
        message_id: String,
        /// The subscription it belongs to, shared by the notifications that
        /// carry the same subscription object (it is read once, not per message).
        subscription: Arc<Subscription>,
        /// The payload's `event` object, as sent.
        event: RawEvent,
    },
    /// Twitch ended a subscription; `subscription.status` says why
    /// (`authorization_revoked`, `user_removed`, `version_removed`,
    /// `notification_failures_exceeded`, ...).
    Revoked {
        /// The subscription.
        subscription: Subscription,
    },
    /// A request was refused: its answer's status and why.
    Rejected {
        /// The status answered (400, 403, 413).
        status: u16,
        /// Why.
        reason: String,
    },
}

/// A subscription from its JSON text.
fn read_subscription_text(text: &str) -> Result<Subscription, String> {
    serde_json::from_str(text).map_err(|e| format!("subscription: {e}"))
}

/// A body's subscription, as its own value.
fn read_subscription(text: &SubscriptionText) -> Result<Subscription, String> {
    match text {
        SubscriptionText::Text(text) => read_subscription_text(text.get()),
        SubscriptionText::Known(known) => Ok(Subscription::clone(known)),
    }
}

/// The receiving side of the EventSub webhook transport, sans IO: give it
/// every request to the callback ([`Receiver::handle_request`]) with the wall
/// clock, answer with what it returns, then drain [`Receiver::poll_event`].
///
/// ```
/// use twitchapi_core::eventsub::webhook::{sign, Event, Receiver};
/// use twitchapi_core::Secret;
///
/// let secret = Secret::new("a-secret-of-some-length");
/// let mut receiver = Receiver::new(secret.clone()).unwrap();
/// let body = br#"{"challenge":"pogchamp","subscription":{"id":"1","status":"webhook_callback_verification_pending","type":"channel.follow","version":"2","condition":{}}}"#;
/// let now = time::OffsetDateTime::now_utc();
/// let stamp = now.format(&time::format_description::well_known::Rfc3339).unwrap();
/// let request = http::Request::post("/eventsub")
///     .header("Twitch-Eventsub-Message-Id", "m1")
///     .header("Twitch-Eventsub-Message-Timestamp", &stamp)
///     .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
///     .header("Twitch-Eventsub-Message-Signature", sign(&secret, b"m1", stamp.as_bytes(), body))
///     .body(body.to_vec())
///     .unwrap();
/// let answer = receiver.handle_request(request, now);
/// assert_eq!((answer.status().as_u16(), answer.body().as_slice()), (200, &b"pogchamp"[..]));
/// assert!(matches!(receiver.poll_event(), Some(Event::Verified { .. })));
/// ```
pub struct Receiver {
    secret: Secret,
    keyed: Keyed,
    seen: Box<dyn SeenIds>,
    known: KnownSubscriptions,
    events: VecDeque<Event>,
}

impl std::fmt::Debug for Receiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver")
            .field("secret", &self.secret)
            .field("events", &self.events.len())
            .finish_non_exhaustive()
    }
}

/// An answer; one with a body says `text/plain`.
fn answer(status: StatusCode, body: impl Into<Vec<u8>>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.into());
    *response.status_mut() = status;
    if !response.body().is_empty() {
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/plain"),
        );
    }
    response
}

impl Receiver {
    /// A receiver for subscriptions created with `secret`, remembering
    /// message ids in memory.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless the secret is 10 to 100 ASCII characters.
    pub fn new(secret: Secret) -> Result<Receiver, Error> {
        Self::with_seen_ids(secret, Box::new(MemorySeenIds::default()))
    }

    /// Like [`Receiver::new`] with another store of seen message ids.
    ///
    /// # Errors
    ///
    /// As [`Receiver::new`].
    pub fn with_seen_ids(secret: Secret, seen: Box<dyn SeenIds>) -> Result<Receiver, Error> {
        check_secret(&secret)?;
        Ok(Receiver {
            keyed: Keyed::new(&secret),
            secret,
            seen,
            known: KnownSubscriptions::default(),
            events: VecDeque::new(),
        })
    }

    /// The next event.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Answers one request to the callback: 413 over [`MAX_BODY_BYTES`]; 403
    /// for a missing or wrong signature; 400 for a timestamp older than
    /// [`MAX_AGE`] (or unreadable) and for a body that is not Twitch's; else
    /// 200 (the challenge, as `text/plain`, for a verification; empty
    /// otherwise), with one event per message id. `now` is the wall clock.
    pub fn handle_request(
        &mut self,
        request: http::Request<Vec<u8>>,
        now: OffsetDateTime,
    ) -> http::Response<Vec<u8>> {
        let (parts, mut body) = request.into_parts();
        if body.len() > MAX_BODY_BYTES {
            return self.refuse(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
        }
        let headers = MessageHeaders::of(&parts.headers);
        let (Some(id), Some(timestamp), Some(signature)) =
            (headers.id, headers.timestamp, headers.signature)
        else {
            return self.refuse(
                StatusCode::FORBIDDEN,
                "not signed: Twitch-Eventsub headers missing",
            );
        };
        if !self.keyed.verify(id, timestamp, &body, signature) {
            return self.refuse(
                StatusCode::FORBIDDEN,
                "Twitch-Eventsub-Message-Signature does not match",
            );
        }
        let sent = std::str::from_utf8(timestamp)
            .ok()
            .and_then(crate::rfc3339::parse);
        match sent {
            Some(at) if now - at <= MAX_AGE => {}
            Some(_) => {
                return self.refuse(StatusCode::BAD_REQUEST, "message older than 10 minutes")
            }
            None => return self.refuse(StatusCode::BAD_REQUEST, "unreadable message timestamp"),
        }
        // a notification may repeat the subscription of the one before it
        let known = match headers.kind {
            Some(b"notification") => self.known.last(),
            _ => None,
        };
        let parsed = match body::read(&mut body, known) {
            Ok(parsed) => parsed,
            Err(e) => return self.refuse_body(&e),
        };
        let mut id = String::from_utf8_lossy(id).into_owned();
        match headers.kind {
            Some(b"webhook_callback_verification") => {
                let Some(challenge) = parsed.challenge else {
                    return self.refuse(
                        StatusCode::BAD_REQUEST,
                        "a verification without a challenge",
                    );
                };
                let subscription = match read_subscription(&parsed.subscription) {
                    Ok(subscription) => subscription,
                    Err(e) => return self.refuse_body(&e),
                };
                if self.seen.insert(&id, now) {
                    self.events.push_back(Event::Verified { subscription });
                }
                answer(StatusCode::OK, challenge)
            }
            Some(b"notification") => {
                let (single, batch) = (parsed.event, parsed.events.unwrap_or_default());
                let count = usize::from(single.is_some()) + batch.len();
                if count == 0 {
                    return self.refuse(StatusCode::BAD_REQUEST, "a notification without an event");
                }
                let read = match parsed.subscription {
                    SubscriptionText::Known(subscription) => Ok(subscription),
                    SubscriptionText::Text(text) => {
                        self.known.get_or_read(text.get(), read_subscription_text)
                    }
                };
                let subscription = match read {
                    Ok(subscription) => subscription,
                    Err(e) => return self.refuse_body(&e),
                };
                if self.seen.insert(&id, now) {
                    // a batch is one notification per element, under the one message id
                    for (i, raw) in single.into_iter().chain(batch).enumerate() {
                        let message_id = if i + 1 == count {
                            std::mem::take(&mut id)
                        } else {
                            id.clone()
                        };
                        self.events.push_back(Event::Notification {
                            message_id,
                            subscription: subscription.clone(),
                            event: RawEvent::from_raw(raw.to_owned()),
                        });
                    }
                } else {
                    tracing::debug!(target: "twitchapi::eventsub", message_id = %id, "repeated message");
                }
                answer(StatusCode::NO_CONTENT, Vec::new())
            }
            Some(b"revocation") => {
                let subscription = match read_subscription(&parsed.subscription) {
                    Ok(subscription) => subscription,
                    Err(e) => return self.refuse_body(&e),
                };
                if self.seen.insert(&id, now) {
                    self.events.push_back(Event::Revoked { subscription });
                }
                answer(StatusCode::NO_CONTENT, Vec::new())
            }
            other => self.refuse(
                StatusCode::BAD_REQUEST,
                &format!(
                    "unknown Twitch-Eventsub-Message-Type {:?}",
                    other.map(String::from_utf8_lossy)
                ),
            ),
        }
    }

    fn refuse_body(&mut self, error: &str) -> http::Response<Vec<u8>> {
        self.refuse(
            StatusCode::BAD_REQUEST,
            &format!("not an EventSub message: {error}"),
        )
    }

    fn refuse(&mut self, status: StatusCode, reason: &str) -> http::Response<Vec<u8>> {
        tracing::debug!(target: "twitchapi::eventsub", status = status.as_u16(), reason, "webhook request refused");
        self.events.push_back(Event::Rejected {
            status: status.as_u16(),
            reason: reason.to_owned(),
        });
        answer(status, reason.to_owned())
    }
}
