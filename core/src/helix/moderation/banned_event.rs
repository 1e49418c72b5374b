use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{rfc3339, rfc3339_opt};
use crate::types::ModerationEventType;

/// A ban or unban in a channel (Get Banned Events, retired by Twitch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BannedEvent {
    /// Event id.
    pub id: String,
    /// `moderation.user.ban` or `moderation.user.unban`.
    pub event_type: ModerationEventType,
    /// When the event happened.
    #[serde(with = "rfc3339")]
    pub event_timestamp: OffsetDateTime,
    /// Version of the event data.
    #[serde(default)]
    pub version: String,
    /// Who was banned where.
    pub event_data: BannedEventData,
}

/// The data of a [`BannedEvent`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BannedEventData {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub broadcaster_login: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// The (un)banned user's id.
    pub user_id: String,
    /// The (un)banned user's login.
    #[serde(default)]
    pub user_login: String,
    /// The (un)banned user's display name.
    #[serde(default)]
    pub user_name: String,
    /// When a timeout ends; `None` for a permanent ban or an unban (Twitch sends `""`).
    #[serde(default, with = "rfc3339_opt")]
    pub expires_at: Option<OffsetDateTime>,
}
