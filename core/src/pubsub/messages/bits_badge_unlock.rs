//! `channel-bits-badge-unlocks.<channel_id>`: a user reached a new Bits badge tier
//! in the channel and shared it in chat.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A shared Bits badge unlock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BitsBadgeUnlock {
    /// Id of the user who earned the badge.
    pub user_id: String,
    /// Login of the user who earned the badge.
    pub user_name: String,
    /// Id of the channel.
    pub channel_id: String,
    /// Login of the channel.
    pub channel_name: String,
    /// The tier reached (1000, 10000, ...).
    pub badge_tier: u64,
    /// The message shared with the unlock; `""` when there was none.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chat_message: String,
    /// When the badge was shared.
    #[serde(with = "crate::serde_util::rfc3339")]
    pub time: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::super::test_util::message;
    use super::*;

    const FILE: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/pubsub/channel-bits-badge-unlocks.json"
    ));

    fn parse(name: &str) -> BitsBadgeUnlock {
        serde_json::from_str(&message(FILE, name).message).unwrap()
    }

    #[test]
    fn parses_the_unlock() {
        let u = parse("bits_badge_unlock");
        assert_eq!(u.user_id, "1234");
        assert_eq!(u.user_name, "tmi");
        assert_eq!(u.channel_id, "12345");
        assert_eq!(u.channel_name, "justintv");
        assert_eq!(u.badge_tier, 25000);
        assert_eq!(u.chat_message, "All the bits was for this. Worth it.");
        assert_eq!(u.time, datetime!(2020-11-01 20:14:14.075154315 UTC));
    }

    #[test]
    fn parses_the_documented_unlock_and_writes_it_back() {
        let text = message(FILE, "bits_badge_unlock_documented").message;
        let u: BitsBadgeUnlock = serde_json::from_str(&text).unwrap();
        assert_eq!(u.badge_tier, 1000);
        assert_eq!(u.user_name, "willowolf");
        assert_eq!(u.time, datetime!(2020-12-06 00:01:43.71253159 UTC));
        let wire: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(&u).unwrap(), wire);
    }
}
