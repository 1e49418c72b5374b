//! Typed models of PubSub `MESSAGE` payloads: the JSON text of `data.message`,
//! picked by the topic's prefix (see [`decode`]).
//!
//! Every model serializes back to the shape Twitch sent (field names as on the
//! wire), ignores fields it does not know, and maps enum values it does not know
//! to an `Unknown` variant. Timestamps are [`time::OffsetDateTime`]; they are
//! written back as RFC 3339 in UTC.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use crate::Error;

/// A string enum with one `Unknown(String)` variant for values Twitch added later.
/// Serialized as the wire string.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this crate does not know (kept as sent).
            Unknown(String),
        }

        impl $name {
            /// The value as Twitch spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(other) => other,
                }
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                match raw {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok(Self::from(&*raw))
            }
        }
    };
}

mod bits_badge_unlock;
mod bits_event;
mod channel_points_redemption;
mod channel_terms_action;
mod moderation_command;
mod moderator_action;
mod moderator_change;
mod redemption;
mod reward;
mod subscription_event;
#[cfg(test)]
mod test_util;
mod unban_request_action;
mod whisper;

pub use bits_badge_unlock::BitsBadgeUnlock;
pub use bits_event::{BadgeEntitlement, BitsEvent, BitsEventData};
pub use channel_points_redemption::{
    ChannelPointsData, ChannelPointsMessageType, ChannelPointsRedemption, RedemptionProgress,
};
pub use channel_terms_action::ChannelTermsAction;
pub use moderation_command::ModerationCommand;
pub use moderator_action::ModeratorAction;
pub use moderator_change::ModeratorChange;
pub use redemption::{Redemption, RedemptionStatus, RedemptionUser};
pub use reward::{GlobalCooldown, MaxPerStream, MaxPerUserPerStream, Reward, RewardImage};
pub use subscription_event::{
    SubEmote, SubMessage, SubPlan, SubscriptionContext, SubscriptionEvent,
};
pub use unban_request_action::UnbanRequestAction;
pub use whisper::{
    Whisper, WhisperBadge, WhisperData, WhisperEmote, WhisperRecipient, WhisperTags, WhisperType,
};

/// A decoded PubSub message.
///
/// Serializes to the JSON Twitch sent (untagged: the variant's own shape), so the
/// CLI can print it as it arrived. The typed models are boxed: a `Message` is as
/// small as a [`serde_json::Value`], so events that carry one stay small too.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Message {
    /// `whispers.<user_id>`.
    Whisper(Box<Whisper>),
    /// `channel-bits-events-v1.<channel_id>`.
    BitsV1(Box<BitsEvent>),
    /// `channel-bits-events-v2.<channel_id>`.
    BitsV2(Box<BitsEvent>),
    /// `channel-bits-badge-unlocks.<channel_id>`.
    BitsBadgeUnlock(Box<BitsBadgeUnlock>),
    /// `channel-points-channel-v1.<channel_id>`.
    ChannelPoints(Box<ChannelPointsRedemption>),
    /// `channel-subscribe-events-v1.<channel_id>`.
    Subscription(Box<SubscriptionEvent>),
    /// `chat_moderator_actions.<user_id>.<channel_id>`.
    ModeratorAction(Box<ModeratorAction>),
    /// A topic without a typed model: the message as JSON.
    Other(serde_json::Value),
}

/// Decodes the `data.message` text of a PubSub `MESSAGE` frame on `topic`.
///
/// The model is picked by the topic's prefix (the part before the first `.`):
/// `whispers`, `channel-bits-events-v1`, `channel-bits-events-v2`,
/// `channel-bits-badge-unlocks`, `channel-points-channel-v1`,
/// `channel-subscribe-events-v1` and `chat_moderator_actions`. Any other prefix
/// gives [`Message::Other`] with the raw JSON.
///
/// # Errors
///
/// [`Error::Protocol`] naming the topic when `message` is not JSON or lacks a
/// field the model requires. Bad input never panics.
pub fn decode(topic: &str, message: &str) -> Result<Message, Error> {
    let prefix = topic.split('.').next().unwrap_or(topic);
    let decoded = match prefix {
        "whispers" => parse(message).map(Message::Whisper),
        "channel-bits-events-v1" => parse(message).map(Message::BitsV1),
        "channel-bits-events-v2" => parse(message).map(Message::BitsV2),
        "channel-bits-badge-unlocks" => parse(message).map(Message::BitsBadgeUnlock),
        "channel-points-channel-v1" => parse(message).map(Message::ChannelPoints),
        "channel-subscribe-events-v1" => parse(message).map(Message::Subscription),
        "chat_moderator_actions" => parse(message).map(Message::ModeratorAction),
        _ => parse(message).map(Message::Other),
    };
    decoded.map_err(|e| Error::Protocol(format!("pubsub message on topic {topic:?}: {e}")))
}

/// Reads the `data.message` text of any topic as JSON ([`Message::Other`]),
/// without the typed models.
///
/// ```
/// use twitchapi_core::pubsub::{messages::decode_json, Message};
/// let message = decode_json("whispers.1", r#"{"type":"whisper_received"}"#).unwrap();
/// assert!(matches!(message, Message::Other(json) if json["type"] == "whisper_received"));
/// ```
///
/// # Errors
///
/// [`Error::Protocol`] when the text is not JSON.
pub fn decode_json(topic: &str, message: &str) -> Result<Message, Error> {
    parse(message)
        .map(Message::Other)
        .map_err(|e| Error::Protocol(format!("pubsub message on topic {topic:?}: {e}")))
}

fn parse<T: serde::de::DeserializeOwned>(message: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(message)
}

/// An id Twitch sends as a string, or (in older documents) as a number.
fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum StringOrNumber<'a> {
        String(Cow<'a, str>),
        Number(serde_json::Number),
    }
    Ok(match StringOrNumber::deserialize(d)? {
        StringOrNumber::String(s) => s.into_owned(),
        StringOrNumber::Number(n) => n.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::test_util::messages;
    use super::*;

    const TOPIC_FILES: [&str; 7] = [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/whispers.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/channel-bits-events-v1.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/channel-bits-events-v2.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/channel-bits-badge-unlocks.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/channel-points-channel-v1.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/channel-subscribe-events-v1.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/pubsub/chat_moderator_actions.json"
        )),
    ];

    fn variant(m: &Message) -> &'static str {
        match m {
            Message::Whisper(_) => "whispers",
            Message::BitsV1(_) => "channel-bits-events-v1",
            Message::BitsV2(_) => "channel-bits-events-v2",
            Message::BitsBadgeUnlock(_) => "channel-bits-badge-unlocks",
            Message::ChannelPoints(_) => "channel-points-channel-v1",
            Message::Subscription(_) => "channel-subscribe-events-v1",
            Message::ModeratorAction(_) => "chat_moderator_actions",
            Message::Other(_) => "other",
        }
    }

    #[test]
    fn every_vector_decodes_to_the_model_of_its_topic() {
        let mut count = 0;
        for file in TOPIC_FILES {
            for v in messages(file) {
                let decoded = decode(&v.topic, &v.message)
                    .unwrap_or_else(|e| panic!("{} ({}): {e}", v.name, v.topic));
                let prefix = v.topic.split('.').next().unwrap();
                assert_eq!(variant(&decoded), prefix, "{}", v.name);
                // Serializing gives JSON that decodes to the same value again.
                let again = serde_json::to_string(&decoded).unwrap();
                assert_eq!(decode(&v.topic, &again).unwrap(), decoded, "{}", v.name);
                count += 1;
            }
        }
        assert_eq!(count, 1 + 1 + 2 + 2 + 5 + 7 + 18);
    }

    #[test]
    fn bits_v1_and_v2_share_the_model_but_not_the_variant() {
        let v1 = &messages(TOPIC_FILES[1])[0];
        let Message::BitsV1(event) = decode(&v1.topic, &v1.message).unwrap() else {
            panic!("v1 topic gives BitsV1");
        };
        // The same text on the v2 topic is a v2 event.
        let Message::BitsV2(same) = decode("channel-bits-events-v2.44322889", &v1.message).unwrap()
        else {
            panic!("v2 topic gives BitsV2");
        };
        assert_eq!(event, same);
        assert_eq!(event.data.bits_used, 10000);
    }

    #[test]
    fn the_serialized_message_keeps_wire_field_names() {
        let v = &messages(TOPIC_FILES[4])[0];
        let decoded = decode(&v.topic, &v.message).unwrap();
        let json = serde_json::to_value(&decoded).unwrap();
        assert_eq!(json["type"], "reward-redeemed");
        assert_eq!(json["data"]["timestamp"], "2020-10-10T19:13:30.536153182Z");
        assert_eq!(json["data"]["redemption"]["reward"]["title"], "Hydration");
        assert_eq!(json["data"]["redemption"]["status"], "UNFULFILLED");
        // Untagged: no variant name in the output.
        assert!(json.get("ChannelPoints").is_none());
    }

    #[test]
    fn a_message_is_small() {
        // Events carry a Message; boxing the models keeps it the size of a Value.
        assert_eq!(
            std::mem::size_of::<Message>(),
            std::mem::size_of::<serde_json::Value>()
        );
    }

    #[test]
    fn an_unknown_topic_gives_the_raw_json() {
        let got = decode(
            "hype-train-events-v1.1234",
            r#"{"type":"hype-train-start","data":{"x":1}}"#,
        )
        .unwrap();
        assert_eq!(
            got,
            Message::Other(serde_json::json!({"type": "hype-train-start", "data": {"x": 1}}))
        );
        // A topic without a dot is its own prefix.
        assert!(matches!(decode("raid", "[]").unwrap(), Message::Other(_)));
        assert!(matches!(decode("", "1").unwrap(), Message::Other(_)));
        // Twitch's own prefixes must match whole: a near miss is another topic.
        assert!(matches!(
            decode("whispers-v2.1", r#"{"a":1}"#).unwrap(),
            Message::Other(_)
        ));
    }

    #[test]
    fn garbage_is_a_protocol_error_naming_the_topic() {
        let truncated = {
            let v = &messages(TOPIC_FILES[2])[0];
            v.message[..v.message.len() / 2].to_owned()
        };
        for topic in [
            "whispers.1",
            "channel-bits-events-v1.1",
            "channel-bits-events-v2.1",
            "channel-bits-badge-unlocks.1",
            "channel-points-channel-v1.1",
            "channel-subscribe-events-v1.1",
            "chat_moderator_actions.1.2",
        ] {
            for garbage in [
                "",
                "{",
                "[]",
                "null",
                "{}",
                "\"x\"",
                "42",
                truncated.as_str(),
            ] {
                match decode(topic, garbage) {
                    Err(Error::Protocol(msg)) => assert!(msg.contains(topic), "{msg}"),
                    other => panic!("{topic} {garbage:?}: {other:?}"),
                }
            }
        }
        // Malformed JSON on an unknown topic is an error too.
        assert!(matches!(decode("raid.1", "{"), Err(Error::Protocol(_))));
    }

    #[test]
    fn a_missing_required_field_is_an_error() {
        let err = decode(
            "channel-bits-badge-unlocks.1",
            r#"{"user_id":"1","user_name":"a","channel_id":"2","channel_name":"b","chat_message":""}"#,
        )
        .unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m.contains("badge_tier")),
            "{err}"
        );
        // A wrong type inside a known moderator action names the action.
        let err = decode(
            "chat_moderator_actions.1.2",
            r#"{"type":"vip_added","data":{"channel_id":5}}"#,
        )
        .unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m.contains("vip_added")),
            "{err}"
        );
    }

    #[test]
    fn no_prefix_of_a_real_message_panics_or_decodes() {
        for file in TOPIC_FILES {
            for v in messages(file) {
                let text = v.message.as_str();
                // Frames assembled from pretty-printed test JSON may end in
                // whitespace: cutting only that still leaves a whole message.
                let whole = text.trim_end().len();
                for end in (0..whole).filter(|&i| text.is_char_boundary(i)) {
                    let got = decode(&v.topic, &text[..end]);
                    assert!(
                        matches!(got, Err(Error::Protocol(_))),
                        "{} prefix {end}: {got:?}",
                        v.name
                    );
                }
            }
        }
    }

    #[test]
    fn corrupted_bytes_never_panic() {
        // Replace each byte of a few real messages by characters that break
        // structure or types; any result is fine as long as there is no panic.
        for file in [TOPIC_FILES[0], TOPIC_FILES[4], TOPIC_FILES[6]] {
            for v in messages(file).iter().take(3) {
                let bytes = v.message.as_bytes();
                for i in 0..bytes.len() {
                    for b in [b'"', b'{', b']', b'0', b'\\', b'n'] {
                        let mut copy = bytes.to_vec();
                        copy[i] = b;
                        if let Ok(text) = std::str::from_utf8(&copy) {
                            let _ = decode(&v.topic, text);
                        }
                    }
                }
            }
        }
    }
}
