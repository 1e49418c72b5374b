//! The subscription types of Twitch's EventSub reference, read from
//! `payloads.json` (made from the reference vectors; the test
//! `eventsub_payloads` keeps it in step with them): per type and version the
//! keys of its condition, which of them must be given, the scopes it needs
//! and its first documented event.

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{Map, Value};

/// One subscription type and version.
#[derive(Clone, Debug, Deserialize)]
pub(crate) struct Kind {
    #[serde(rename = "type")]
    pub kind: String,
    pub version: String,
    /// The keys of the documented sample condition.
    #[allow(dead_code)]
    pub condition: Vec<String>,
    /// Groups of condition keys: exactly one key of each group must be given.
    pub required: Vec<Vec<String>>,
    /// Groups of scopes: one scope of each group must be granted.
    pub scopes: Vec<Vec<String>>,
    /// With an app access token the chatting user must also have granted `user:bot`.
    pub bot: bool,
    /// The type takes app access tokens, hence webhooks, only.
    pub webhook_only: bool,
    /// The first documented event.
    #[serde(default)]
    pub event: Option<Value>,
    /// The first documented batch of events (batched types).
    #[serde(default)]
    pub events: Option<Vec<Value>>,
}

impl Kind {
    /// Whether the type needs the user's authorization (scopes).
    pub fn needs_scopes(&self) -> bool {
        !self.scopes.is_empty()
    }

    /// Whether the notifications carry an `events` list instead of one `event`.
    pub fn batched(&self) -> bool {
        self.events.is_some()
    }
}

const TABLE: &str = include_str!("payloads.json");

/// Every known type and version (empty, with a warning, if the table is broken).
pub(crate) fn all() -> &'static [Kind] {
    static KINDS: OnceLock<Vec<Kind>> = OnceLock::new();
    KINDS.get_or_init(|| {
        serde_json::from_str(TABLE).unwrap_or_else(|error| {
            tracing::warn!(%error, "twitchapi-mock: the EventSub type table does not parse");
            Vec::new()
        })
    })
}

/// The type `kind` in `version`.
pub(crate) fn find(kind: &str, version: &str) -> Option<&'static Kind> {
    all()
        .iter()
        .find(|k| k.kind == kind && k.version == version)
}

/// The condition keys that name a user (they decide a subscription's cost).
pub(crate) const USER_KEYS: [&str; 5] = [
    "broadcaster_user_id",
    "user_id",
    "to_broadcaster_user_id",
    "from_broadcaster_user_id",
    "moderator_user_id",
];

/// The condition key naming the user who authorizes a subscription that
/// needs scopes: the moderator, else the (chatting or whispered) user, else
/// the broadcaster.
pub(crate) fn authorizing_key(condition: &Map<String, Value>) -> Option<&'static str> {
    ["moderator_user_id", "user_id", "broadcaster_user_id"]
        .into_iter()
        .find(|key| condition.contains_key(*key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_reference_type() {
        assert_eq!(all().len(), 82);
        let follow = find("channel.follow", "2").unwrap();
        assert_eq!(follow.scopes, [["moderator:read:followers"]]);
        assert_eq!(follow.required.len(), 2);
        assert!(follow.event.as_ref().unwrap()["user_id"].is_string());
        assert!(find("channel.follow", "1").is_none());
        assert!(find("drop.entitlement.grant", "1").unwrap().batched());
        assert!(find("user.authorization.grant", "1").unwrap().webhook_only);
        assert!(find("channel.chat.message", "1").unwrap().bot);
        let raid = find("channel.raid", "1").unwrap();
        assert_eq!(
            raid.required,
            [["from_broadcaster_user_id", "to_broadcaster_user_id"]]
        );
        assert!(!raid.needs_scopes());
    }
}
