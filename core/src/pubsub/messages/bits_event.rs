//! `channel-bits-events-v1.<channel_id>` and `channel-bits-events-v2.<channel_id>`:
//! someone cheered in the channel.
//!
//! Both versions carry the same envelope (`data`, `version`, `message_type`,
//! `message_id`); v2 adds `is_anonymous` (inside `data`, and in Twitch's own
//! example beside it) and sends `null` user fields for anonymous cheers.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A Bits event (v1 or v2; see [`super::Message::BitsV1`] / [`super::Message::BitsV2`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BitsEvent {
    /// The cheer.
    pub data: BitsEventData,
    /// Message format version (`"1.0"`).
    #[serde(default)]
    pub version: String,
    /// Kind of message (`bits_event`).
    #[serde(default)]
    pub message_type: String,
    /// Id of this message.
    pub message_id: String,
    /// Whether the cheer was anonymous, where Twitch's documented v2 example puts
    /// it (beside `data`). See [`BitsEvent::is_anonymous`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_anonymous: Option<bool>,
}

impl BitsEvent {
    /// Whether the cheer was anonymous, wherever Twitch put the flag
    /// (`data.is_anonymous` or the envelope's `is_anonymous`); `false` when absent.
    pub fn is_anonymous(&self) -> bool {
        self.data
            .is_anonymous
            .or(self.is_anonymous)
            .unwrap_or(false)
    }
}

/// The cheer of a [`BitsEvent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BitsEventData {
    /// Login of the user who cheered; `None` for anonymous cheers.
    #[serde(default)]
    pub user_name: Option<String>,
    /// Login of the channel.
    pub channel_name: String,
    /// Id of the user who cheered; `None` for anonymous cheers.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Id of the channel.
    pub channel_id: String,
    /// When the cheer happened.
    #[serde(with = "crate::serde_util::rfc3339")]
    pub time: OffsetDateTime,
    /// The chat message sent with the cheer.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chat_message: String,
    /// Bits used in this cheer.
    pub bits_used: u64,
    /// All-time total Bits the user used in the channel.
    #[serde(default)]
    pub total_bits_used: u64,
    /// Whether the cheer was anonymous (v2 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_anonymous: Option<bool>,
    /// What kind of Bits usage this is (`cheer`).
    #[serde(default)]
    pub context: String,
    /// The user's new Bits badge tier, if this cheer unlocked one.
    #[serde(default)]
    pub badge_entitlement: Option<BadgeEntitlement>,
}

/// A Bits badge tier reached with a cheer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BadgeEntitlement {
    /// The new tier (1000, 10000, ...).
    pub new_version: u64,
    /// The tier before.
    pub previous_version: u64,
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::message;
    use super::*;

    const V2: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/channel-bits-events-v2.json"
    ));
    const V1: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/channel-bits-events-v1.json"
    ));

    fn parse(file: &str, name: &str) -> BitsEvent {
        serde_json::from_str(&message(file, name).message).unwrap()
    }

    #[test]
    fn parses_a_v2_cheer() {
        let e = parse(V2, "bits_event");
        assert_eq!(e.message_id, "d1831817-95f2-5dfa-8864-f36f16eeb5d8");
        assert_eq!(e.message_type, "bits_event");
        assert_eq!(e.version, "1.0");
        assert_eq!(e.data.user_name.as_deref(), Some("justintv"));
        assert_eq!(e.data.user_id.as_deref(), Some("12345"));
        assert_eq!(e.data.channel_id, "1234");
        assert_eq!(e.data.time, datetime!(2020-10-19 17:50:24.807841596 UTC));
        assert_eq!(e.data.chat_message, "Corgo1 Corgo1 Corgo1 Corgo1 Corgo1");
        assert_eq!((e.data.bits_used, e.data.total_bits_used), (5, 29));
        assert_eq!(e.data.context, "cheer");
        assert_eq!(e.data.badge_entitlement, None);
        assert!(!e.is_anonymous());
    }

    #[test]
    fn parses_the_documented_v2_cheer_with_a_badge() {
        let e = parse(V2, "bits_event_documented");
        assert_eq!(
            e.data.badge_entitlement,
            Some(BadgeEntitlement {
                new_version: 25000,
                previous_version: 10000
            })
        );
        assert_eq!(e.data.bits_used, 10000);
        assert_eq!(e.data.is_anonymous, None);
        assert_eq!(e.is_anonymous, Some(true));
        assert!(e.is_anonymous());
    }

    #[test]
    fn parses_the_documented_v1_cheer() {
        let e = parse(V1, "bits_event_v1_documented");
        assert_eq!(e.data.user_name.as_deref(), Some("dallasnchains"));
        assert_eq!(e.data.channel_name, "dallas");
        assert_eq!(e.data.time, datetime!(2017-02-09 13:23:58.168 UTC));
        assert_eq!(e.data.total_bits_used, 25000);
        assert_eq!(e.message_id, "8145728a4-35f0-4cf7-9dc0-f2ef24de1eb6");
        assert!(!e.is_anonymous());
    }

    #[test]
    fn an_anonymous_cheer_has_no_user() {
        let e: BitsEvent = serde_json::from_value(serde_json::json!({
            "data": {"user_name": null, "channel_name": "c", "user_id": null, "channel_id": "1",
                     "time": "2020-10-19T17:50:24Z", "chat_message": "Anon1", "bits_used": 1,
                     "total_bits_used": 0, "is_anonymous": true, "context": "cheer",
                     "badge_entitlement": null},
            "version": "1.0", "message_type": "bits_event", "message_id": "m"
        }))
        .unwrap();
        assert_eq!(e.data.user_id, None);
        assert!(e.is_anonymous());
    }
}
