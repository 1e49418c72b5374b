//! P2: one EventSub WebSocket notification frame to a typed event.

use twitchapi_core::eventsub::types::{ChannelFollowV2Event, EventSubEvent};
use twitchapi_core::eventsub::ws::{Message, TypedNotification};

use crate::{minify, raw_member, read_vector, replace_once};

/// The documented `channel.follow` notification frame (lifted to version 2), compact.
pub fn frame() -> String {
    let doc = read_vector("eventsub-ws/notification.json");
    let message = minify(&raw_member(&doc, &["examples", "0", "message"]));
    let message = replace_once(
        &message,
        r#""subscription_version":"1""#,
        r#""subscription_version":"2""#,
    );
    let message = replace_once(&message, r#""version":"1""#, r#""version":"2""#);
    replace_once(
        &message,
        r#""condition":{"broadcaster_user_id":"12826"}"#,
        r#""condition":{"broadcaster_user_id":"12826","moderator_user_id":"12826"}"#,
    )
}

/// twitch_api: `Event::parse_websocket`, the follow event out of it.
pub fn peer(frame: &str) -> twitch_api::eventsub::channel::ChannelFollowV2Payload {
    use twitch_api::eventsub::{Event, EventsubWebsocketData, Message};
    match Event::parse_websocket(frame).expect("peer parses the frame") {
        EventsubWebsocketData::Notification {
            payload: Event::ChannelFollowV2(payload),
            ..
        } => match payload.message {
            Message::Notification(follow) => follow,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

/// Ours: `TypedNotification::parse`, a frame straight to its typed events,
/// the counterpart of twitch_api's `Event::parse_websocket`.
pub fn ours(frame: &str) -> ChannelFollowV2Event {
    match TypedNotification::parse(frame)
        .expect("ours parses the frame")
        .events
        .pop()
    {
        Some(EventSubEvent::ChannelFollowV2(follow)) => *follow,
        other => panic!("{other:?}"),
    }
}

/// Ours in two steps: `Message::parse` (the frame reader `EventSubWs::handle_text`
/// uses, which keeps the event as text), then the event read into its typed
/// model (`RawEvent::parse`).
pub fn ours_two_step(frame: &str) -> ChannelFollowV2Event {
    match Message::parse(frame).expect("ours parses the frame") {
        Message::Notification {
            kind,
            version,
            events,
            ..
        } => match events[0].parse(&kind, &version) {
            Ok(EventSubEvent::ChannelFollowV2(follow)) => *follow,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}
