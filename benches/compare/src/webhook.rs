//! P3: one signed webhook notification: signature, age, repeat check, typed event.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use twitchapi_core::eventsub::types::{ChannelFollowV2Event, EventSubEvent};
use twitchapi_core::eventsub::webhook::{sign, Event, Receiver};
use twitchapi_core::Secret;

use crate::{minify, raw_member, read_vector, replace_once};

/// The secret of the signed vectors (`signature-vectors.json`).
pub const SECRET: &str = "secretabcd";

/// What both sides are given: the body and timestamp every request shares;
/// each request gets its own message id (a retry would be a repeat).
pub struct Input {
    /// The notification body, as Twitch writes it.
    pub body: Vec<u8>,
    /// `Twitch-Eventsub-Message-Timestamp`.
    pub timestamp: String,
    /// The wall clock the receiver is given (two seconds after the timestamp).
    pub now: OffsetDateTime,
    secret: Secret,
    next_id: u64,
}

impl Input {
    /// The `channel.follow` v2 notification: the WebSocket example's payload
    /// with the webhook transport of the webhook vectors.
    pub fn new() -> Input {
        let frame = crate::ws::frame();
        let payload = raw_member(&frame, &["payload"]);
        let messages = read_vector("eventsub-webhook/webhook-messages.json");
        let transport = minify(&raw_member(
            &messages,
            &["messages", "0", "body", "subscription", "transport"],
        ));
        let ws_transport = raw_member(&payload, &["subscription", "transport"]);
        let body = replace_once(&payload, &ws_transport, &transport);
        let timestamp = raw_member(&frame, &["metadata", "message_timestamp"]);
        let timestamp: String = serde_json::from_str(&timestamp).unwrap();
        let sent = OffsetDateTime::parse(&timestamp, &Rfc3339).unwrap();
        Input {
            body: body.into_bytes(),
            timestamp,
            now: sent + time::Duration::seconds(2),
            secret: Secret::new(SECRET),
            next_id: 0,
        }
    }

    /// `n` signed requests, each with a message id not used before.
    pub fn requests(&mut self, n: usize) -> Vec<http::Request<Vec<u8>>> {
        (0..n).map(|_| self.request()).collect()
    }

    /// One signed request with a fresh message id.
    pub fn request(&mut self) -> http::Request<Vec<u8>> {
        self.next_id += 1;
        let id = format!("befa7b53-d79d-478f-86b9-{:012x}", self.next_id);
        let signature = sign(
            &self.secret,
            id.as_bytes(),
            self.timestamp.as_bytes(),
            &self.body,
        );
        http::Request::post("/eventsub")
            .header("Content-Type", "application/json")
            .header("Twitch-Eventsub-Message-Id", id)
            .header("Twitch-Eventsub-Message-Retry", "0")
            .header("Twitch-Eventsub-Message-Type", "notification")
            .header("Twitch-Eventsub-Message-Signature", signature)
            .header("Twitch-Eventsub-Message-Timestamp", &self.timestamp)
            .header("Twitch-Eventsub-Subscription-Type", "channel.follow")
            .header("Twitch-Eventsub-Subscription-Version", "2")
            .body(self.body.clone())
            .unwrap()
    }
}

impl Default for Input {
    fn default() -> Self {
        Input::new()
    }
}

/// Ours: a receiver with the default in-memory store of seen ids.
pub fn receiver() -> Receiver {
    Receiver::new(Secret::new(SECRET)).unwrap()
}

/// Ours: `Receiver::handle_request` (signature, age, repeat check, body),
/// then the event polled and typed.
pub fn ours(
    receiver: &mut Receiver,
    request: http::Request<Vec<u8>>,
    now: OffsetDateTime,
) -> ChannelFollowV2Event {
    let answer = receiver.handle_request(request, now);
    assert_eq!(answer.status(), 204);
    match receiver.poll_event() {
        Some(Event::Notification {
            subscription,
            event,
            ..
        }) => match subscription.parse_event(&event) {
            Ok(EventSubEvent::ChannelFollowV2(follow)) => *follow,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

/// twitch_api: `Event::verify_payload`, then `Event::parse_http` (it checks
/// neither the age nor repeats).
pub fn peer(
    request: &http::Request<Vec<u8>>,
) -> twitch_api::eventsub::channel::ChannelFollowV2Payload {
    use twitch_api::eventsub::{Event, Message};
    assert!(Event::verify_payload(request, SECRET.as_bytes()));
    match Event::parse_http(request).expect("peer parses the request") {
        Event::ChannelFollowV2(payload) => match payload.message {
            Message::Notification(follow) => follow,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}
